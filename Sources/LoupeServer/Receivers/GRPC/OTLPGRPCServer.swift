import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import ServiceLifecycle

/// The OTLP/gRPC receiver (port 4317 by default), run beside the HTTP server under the same
/// service group: it stops accepting calls on graceful shutdown and finishes the ones it has.
struct OTLPGRPCServer: Service {
    let service: OTLPGRPCService
    let host: String
    let port: Int
    let maxMessageBytes: Int
    /// The HTTP server's certificate and key, which gRPC then serves with too: keys never cross in clear on one port and not the other.
    let tls: TLSFiles?
    let logger: Logger
    /// Receives the bound port (the chosen one when `port` is 0).
    let onListening: @Sendable (Int) async -> Void

    func run() async throws {
        var config = HTTP2ServerTransport.Posix.Config.defaults
        config.rpc.maxRequestPayloadSize = maxMessageBytes
        // Exporters compress with gzip when asked to (OTEL_EXPORTER_OTLP_COMPRESSION=gzip).
        config.compression.enabledAlgorithms = [.gzip, .deflate]
        let security: HTTP2ServerTransport.Posix.TransportSecurity = tls.map {
            .tls(certificateChain: [.file(path: $0.certificatePath, format: .pem)], privateKey: .file(path: $0.privateKeyPath, format: .pem))
        } ?? .plaintext
        let transport = HTTP2ServerTransport.Posix(address: .ipv4(host: host, port: port), transportSecurity: security, config: config)
        let server = GRPCServer(transport: transport, services: [service])
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { try await server.serve() }
                let bound: (host: String, port: Int)?
                do {
                    bound = try await transport.listeningAddress.ipv4.map { ($0.host, $0.port) }
                } catch {
                    throw OTLPGRPCListenError(host: host, port: port, reason: "\(error)")
                }
                if let address = bound {
                    logger.info("OTLP/gRPC listening", metadata: ["address": "\(address.host):\(address.port)"])
                    await onListening(address.port)
                }
            }
        } onGracefulShutdown: {
            server.beginGracefulShutdown()
        }
    }
}
