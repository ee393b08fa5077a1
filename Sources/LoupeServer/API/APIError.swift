import Foundation
import HTTPTypes
import Hummingbird
import LoupeAnalytics
import NIOCore

private struct APIErrorBody: Encodable {
    struct Detail: Encodable {
        var message: String
        var parameter: String?
    }

    var error: Detail
}

/// A JSON API error: `{"error": {"message": …, "parameter": …}}` with a 4xx status.
struct APIError: Error, HTTPResponseError, Sendable {
    var status: HTTPResponse.Status
    var message: String
    var parameter: String?

    static func badParameter(_ name: String, _ message: String) -> APIError {
        APIError(status: .badRequest, message: "invalid parameter '\(name)': \(message)", parameter: name)
    }

    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, message: message) }


    var headers: HTTPFields { [.contentType: "application/json"] }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONEncoder().encode(APIErrorBody(error: .init(message: message, parameter: parameter)))
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension APIError {
    /// A question the stored data cannot answer as asked, as a 400 naming the parameter to change.
    init(_ error: AnalyticsError) {
        switch error {
        case .dimensionsNotCombinable, .tooManySeries: self = .badParameter("group_by", error.description)
        case .emptyRange: self = .badParameter("from", error.description)
        case .tooManyPoints, .stepFinerThanGrain: self = .badParameter("step", error.description)
        case .badFilter(let name, let reason): self = .badParameter(name, reason)
        }
    }
}
