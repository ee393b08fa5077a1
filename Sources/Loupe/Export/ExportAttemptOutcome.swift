import LoupeOTLP
import NIOCore
import NIOHTTP1
import SwiftProtobuf

/// What one export request came to, as OTLP/HTTP defines the answers.
enum ExportAttemptOutcome: Sendable, Equatable {
    /// 2xx. Spans the collector refused in a partial success are counted, never retried.
    case accepted(rejectedSpans: Int, message: String)
    /// 429, 502, 503, 504 or a network error, with the wait `Retry-After` asked for.
    case retryable(reason: String, retryAfter: Duration?)
    /// Any other status: resending the same bytes cannot succeed.
    case permanent(reason: String)

    /// Classifies a response.
    static func classify(
        status: HTTPResponseStatus, headers: HTTPHeaders, body: ByteBuffer, nowUnixNanos: Int64
    ) -> ExportAttemptOutcome {
        switch status.code {
        case 200..<300:
            // Only a protobuf body is an ExportTraceServiceResponse; a proxy's "OK" is not.
            let contentType = headers.first(name: "Content-Type")?.lowercased()
            guard body.readableBytes > 0, contentType.map({ $0.contains("protobuf") }) ?? true,
                let response = try? OTLPExportTraceServiceResponse(serializedBytes: Array(body.readableBytesView))
            else { return .accepted(rejectedSpans: 0, message: "") }
            return .accepted(
                rejectedSpans: Int(clamping: response.partialSuccess.rejectedSpans),
                message: response.partialSuccess.errorMessage)
        case 429, 502, 503, 504:
            let retryAfter = headers.first(name: "Retry-After").flatMap {
                RetryAfter.delay($0, nowUnixNanos: nowUnixNanos)
            }
            return .retryable(reason: describe(status, headers, body), retryAfter: retryAfter)
        default:
            return .permanent(reason: describe(status, headers, body))
        }
    }

    /// `HTTP 400 Bad Request: <the collector's message>`: a `google.rpc.Status` message for
    /// protobuf bodies, the text itself (shortened) for text and JSON.
    private static func describe(_ status: HTTPResponseStatus, _ headers: HTTPHeaders, _ body: ByteBuffer) -> String {
        var reason = "HTTP \(status.code) \(status.reasonPhrase)"
        let contentType = headers.first(name: "Content-Type")?.lowercased() ?? ""
        var message = ""
        if contentType.contains("protobuf") {
            message = (try? RPCStatus(serializedBytes: Array(body.readableBytesView)))?.message ?? ""
        } else if contentType.hasPrefix("text/") || contentType.contains("json") {
            message = String(decoding: body.readableBytesView.prefix(512), as: UTF8.self)
        }
        if !message.isEmpty { reason += ": " + message }
        return reason
    }
}
