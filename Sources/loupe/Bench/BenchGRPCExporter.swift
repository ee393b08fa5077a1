import GRPCCore
import GRPCNIOTransportHTTP2
import NIOCore

/// The bench's OTLP/gRPC exporter: `TraceService/Export` with the bodies the HTTP exporters send,
/// over one HTTP/2 connection that carries every client's calls, as one SDK's channel does.
struct BenchGRPCExporter: Sendable {
    /// Message bytes as they are: the bodies are OTLP protobuf already.
    struct Bytes: MessageSerializer, MessageDeserializer {
        func serialize<Output: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Output { Output(message) }
        func deserialize<Input: GRPCContiguousBytes>(_ serializedMessageBytes: Input) throws -> [UInt8] {
            serializedMessageBytes.withUnsafeBytes { Array($0) }
        }
    }

    let client: GRPCClient<HTTP2ClientTransport.Posix>
    let key: String
    let progress: BenchProgress

    static let export = MethodDescriptor(fullyQualifiedService: "opentelemetry.proto.collector.trace.v1.TraceService", method: "Export")

    /// Exports one body; throttled answers (`UNAVAILABLE`) are sent again.
    func send(_ body: ByteBuffer) async throws {
        var metadata = Metadata()
        metadata.addString("Bearer \(key)", forKey: "authorization")
        let request = ClientRequest(message: Array(body.readableBytesView), metadata: metadata)
        for attempt in 0... {
            do {
                _ = try await client.unary(request: request, descriptor: Self.export, serializer: Bytes(), deserializer: Bytes(), options: .defaults) {
                    try $0.message
                }
                return
            } catch let error as RPCError where error.code == .unavailable {
                try await progress.refused(attempt: attempt)
            }
        }
    }
}
