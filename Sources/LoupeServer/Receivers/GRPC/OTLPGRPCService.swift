import Foundation
import GRPCCore
import HTTPTypes
import LoupeOTLP
import SwiftProtobuf

/// The OTLP/gRPC collector services (`TraceService`, `MetricsService`, `LogsService`, each with its
/// unary `Export`) over the same receivers as OTLP/HTTP: the same admission, limits, decoding and
/// answers. Registered by hand rather than generated: each method only hands its message's bytes to
/// a receiver (``RawMessageDeserializer``), so there is no generated stub to call.
struct OTLPGRPCService: RegistrableRPCService {
    let traces: OTLPReceiver<TraceSignal>
    let metrics: OTLPReceiver<MetricSignal>
    let logs: OTLPReceiver<LogSignal>
    let access: GRPCAccess

    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        register("opentelemetry.proto.collector.trace.v1.TraceService", traces.receive(message:project:), with: &router)
        register("opentelemetry.proto.collector.metrics.v1.MetricsService", metrics.receive(message:project:), with: &router)
        register("opentelemetry.proto.collector.logs.v1.LogsService", logs.receive(message:project:), with: &router)
    }

    private func register<Transport: ServerTransport>(
        _ service: String, _ receive: @escaping @Sendable (Data, String?) async -> Result<any SwiftProtobuf.Message, OTLPFailure>,
        with router: inout RPCRouter<Transport>
    ) {
        router.registerHandler(
            forMethod: MethodDescriptor(fullyQualifiedService: service, method: "Export"),
            deserializer: RawMessageDeserializer(), serializer: AnswerSerializer()
        ) { [access] request, context in
            let project = try await access.project(for: request.metadata, peer: context.remotePeer)
            var message: Data?
            for try await part in request.messages {
                guard message == nil else { throw RPCError(code: .invalidArgument, message: "Export takes one request message") }
                message = part
            }
            guard let message else { throw RPCError(code: .invalidArgument, message: "Export needs a request message") }
            switch await receive(message, project) {
            case .success(let answer): return StreamingServerResponse(single: ServerResponse(message: answer))
            case .failure(let failure): throw failure.rpcError
            }
        }
    }
}

extension OTLPFailure {
    /// The gRPC status of the failure. OTLP/gRPC exporters retry `UNAVAILABLE` and drop what is
    /// answered `INVALID_ARGUMENT`, as OTLP/HTTP exporters do 429 and 503 against other 4xx.
    var rpcError: RPCError {
        switch status {
        case .tooManyRequests, .serviceUnavailable:
            var metadata = Metadata()
            if let seconds = retryAfterSeconds {
                // What OTLP/gRPC exporters read for the wait (HTTP's Retry-After), and gRPC's own retry policy.
                var retry = RPCRetryInfo()
                retry.retryDelay.seconds = Int64(seconds)
                if let bytes: [UInt8] = try? retry.serializedBytes() { metadata.addBinary(bytes, forKey: "google.rpc.retryinfo-bin") }
                metadata.addString(String(seconds * 1_000), forKey: "grpc-retry-pushback-ms")
            }
            return RPCError(code: .unavailable, message: message, metadata: metadata)
        case .contentTooLarge:
            return RPCError(code: .resourceExhausted, message: message)
        default:
            return RPCError(code: .invalidArgument, message: message)
        }
    }
}
