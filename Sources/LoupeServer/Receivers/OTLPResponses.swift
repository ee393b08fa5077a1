import Foundation
import Hummingbird
import LoupeOTLP
import NIOCore
import SwiftProtobuf

/// Builds OTLP/HTTP responses: `ExportTraceServiceResponse` on success, `google.rpc.Status` on failure,
/// each in the request's encoding.
enum OTLPResponses {
    static func success(rejected: Int, message: String?, encoding: OTLPEncoding) -> Response {
        var response = OTLPExportTraceServiceResponse()
        if rejected > 0 || message != nil {
            response.partialSuccess.rejectedSpans = Int64(rejected)
            response.partialSuccess.errorMessage = message ?? ""
        }
        return make(.ok, encoding: encoding, message: response)
    }

    static func failure(_ failure: OTLPFailure, encoding: OTLPEncoding) -> Response {
        var status = RPCStatus()
        status.code = failure.rpcCode
        status.message = failure.message
        var response = make(failure.status, encoding: encoding, message: status)
        if let seconds = failure.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    private static func make(_ status: HTTPResponse.Status, encoding: OTLPEncoding, message: some SwiftProtobuf.Message) -> Response {
        let bytes: [UInt8]
        switch encoding {
        case .protobuf: bytes = (try? message.serializedBytes()) ?? []
        case .json: bytes = (try? message.jsonUTF8Bytes()) ?? Array("{}".utf8)
        }
        return Response(
            status: status, headers: [.contentType: encoding.contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
