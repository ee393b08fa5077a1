import HTTPTypes

/// An OTLP request that gets no success response, with the status, gRPC code and message it is answered with.
struct OTLPFailure: Error, Sendable {
    var status: HTTPResponse.Status
    /// The `google.rpc.Status` code: clients ignore it, but it documents the failure class.
    var rpcCode: Int32
    var message: String
    var retryAfterSeconds: Int?

    static func badRequest(_ message: String) -> OTLPFailure { .init(status: .badRequest, rpcCode: 3, message: message) }

    static func unsupportedMediaType(_ message: String) -> OTLPFailure {
        .init(status: .unsupportedMediaType, rpcCode: 3, message: message)
    }

    static func tooLarge(limit: Int) -> OTLPFailure {
        .init(status: .contentTooLarge, rpcCode: 8, message: "request body is larger than the limit of \(limit) bytes (after decompression); send smaller batches")
    }

    static func throttled(retryAfter: Int) -> OTLPFailure {
        .init(status: .tooManyRequests, rpcCode: 8, message: "Loupe is ingesting at capacity (its queue or memory budget is full); retry after \(retryAfter) s", retryAfterSeconds: retryAfter)
    }

    static func unavailable(_ message: String, retryAfter: Int) -> OTLPFailure {
        .init(status: .serviceUnavailable, rpcCode: 14, message: message, retryAfterSeconds: retryAfter)
    }
}
