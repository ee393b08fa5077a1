import Foundation
import Hummingbird
import LoupeOTLP
import NIOCore
import SwiftProtobuf

/// Builds OTLP/HTTP responses: the signal's `Export…ServiceResponse` on success, `google.rpc.Status` on failure,
/// each in the request's encoding.
enum OTLPResponses {
    /// A 200 with the signal's `Export…ServiceResponse`.
    static func success(_ answer: any SwiftProtobuf.Message, encoding: OTLPEncoding) -> Response {
        make(.ok, encoding: encoding, message: answer)
    }

    static func failure(_ failure: OTLPFailure, encoding: OTLPEncoding) -> Response {
        var status = RPCStatus()
        status.code = failure.rpcCode
        status.message = failure.message
        var response = make(failure.status, encoding: encoding, message: status)
        if let seconds = failure.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    private static func make(_ status: HTTPResponse.Status, encoding: OTLPEncoding, message: any SwiftProtobuf.Message) -> Response {
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
