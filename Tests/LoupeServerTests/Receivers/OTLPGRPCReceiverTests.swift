import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import HTTPTypes
import HummingbirdTesting
import Logging
import LoupeCore
import LoupeOTLP
@testable import LoupeServer
import LoupeStore
import LoupeStoreSQLite
import NIOCore
import NIOPosix
import SwiftProtobuf
import Testing

/// OTLP/gRPC on a live server: the collector services' unary `Export` over HTTP/2 on loopback, with
/// grpc-swift's own client, against the same receivers, keys and store as OTLP/HTTP.
struct OTLPGRPCReceiverTests {
    struct Bytes: MessageSerializer, MessageDeserializer {
        func serialize<Output: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Output { Output(message) }
        func deserialize<Input: GRPCContiguousBytes>(_ serializedMessageBytes: Input) throws -> [UInt8] {
            serializedMessageBytes.withUnsafeBytes { Array($0) }
        }
    }

    /// Runs a server with keys and gRPC on a free port, and gives the test an ingest key of project
    /// `acme`, a read key and a function that exports a message to one of the collector services.
    static func run(
        _ configure: (inout ServerConfiguration) -> Void = { _ in },
        _ test: @escaping @Sendable (_ export: @escaping @Sendable (String, [UInt8], String?) async throws -> [UInt8], _ ingest: String,
            _ read: String, _ client: any TestClientProtocol) async throws -> Void
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-grpc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("loupe.db").path
        var configuration = ServerConfiguration(port: 0, databasePath: path)
        configuration.grpcPort = 0
        configure(&configuration)
        let store = try SQLiteTelemetryStore(path: path, options: .init(durability: .normal))
        let keys = AccessKeys(store: store, now: { LiveServer.now })
        let ingest = try await keys.create(name: "exporter", scope: .ingest, project: "acme", actor: "test").text
        let read = try await keys.create(name: "reader", scope: .read, project: nil, actor: "test").text
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "loupe.test")
        logger.logLevel = .warning
        let app = try LoupeApplication.make(
            configuration: configuration, store: store, enrichers: try LoupeApplication.defaultEnrichers(), logger: logger,
            now: { LiveServer.now }, onGRPCListening: { port in continuation.yield(port) })
        try await app.test(.live) { client in
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await withGRPCClient(transport: try .http2NIOPosix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)) {
                grpc in
                let export: @Sendable (String, [UInt8], String?) async throws -> [UInt8] = { service, message, key in
                    var metadata = Metadata()
                    if let key { metadata.addString("Bearer \(key)", forKey: "authorization") }
                    return try await grpc.unary(
                        request: ClientRequest(message: message, metadata: metadata),
                        descriptor: MethodDescriptor(fullyQualifiedService: "opentelemetry.proto.collector.\(service)", method: "Export"),
                        serializer: Bytes(), deserializer: Bytes(), options: .defaults
                    ) { try $0.message }
                }
                try await test(export, ingest, read, client)
            }
        }
    }

    static let spans = [
        RawSpan(
            traceId: "5b8efff798038103d269b633813fc60c", spanId: "eee19b7ec3c1b174", name: "chat gpt-4o-mini", kind: .client,
            startNanos: LiveServer.now - 60_000_000_000, endNanos: LiveServer.now - 59_000_000_000,
            attributes: ["gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o-mini", "gen_ai.usage.input_tokens": 42],
            resourceAttributes: ["service.name": "grpc-bot", "loupe.project": "elsewhere"])
    ]

    @Test func tracesMetricsAndLogsArriveOverGRPCIntoTheKeysProject() async throws {
        try await Self.run { export, ingest, read, client in
            let answer = try await export("trace.v1.TraceService", try OTLPTraceEncoder.protobufBody(from: Self.spans), ingest)
            #expect(try OTLPExportTraceServiceResponse(serializedBytes: answer).partialSuccess.rejectedSpans == 0)

            let logs = try OTLPLogsDecoder.decode(json: Data(OTLPLogsReceiverTests.logs.readableBytesView))
            let logAnswer = try OTLPExportLogsServiceResponse(serializedBytes: try await export("logs.v1.LogsService", try logs.serializedBytes(), ingest))
            #expect(logAnswer.partialSuccess.rejectedLogRecords == 1)

            let metrics = try OTLPMetricsDecoder.decode(json: Data(OTLPMetricsReceiverTests.fiveCalls.readableBytesView))
            _ = try await export("metrics.v1.MetricsService", try metrics.serializedBytes(), ingest)

            let response = try await client.execute(uri: "/api/v1/summary?group_by=project,service", method: .get, headers: AccessControlTests.with(read))
            let summary = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
            let groups = (summary["groups"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? [String: String] }
            // The key decides the project, whatever the resource says.
            #expect(Set(groups) == [["project": "acme", "service": "grpc-bot"], ["project": "acme", "service": "metrics-bot"]])
            let trace = try await client.execute(uri: "/api/v1/traces/5b8efff798038103d269b633813fc60c", method: .get, headers: AccessControlTests.with(read))
            #expect(String(buffer: trace.body).contains("gen_ai.user.message"))
        }
    }

    @Test func overloadIsUnavailableWithTheWaitExportersRead() async throws {
        try await Self.run({ $0.maxInFlightBytes = 64 }) { export, ingest, _, _ in
            let body = try OTLPTraceEncoder.protobufBody(from: Self.spans)
            #expect(body.count > 64)
            await #expect {
                try await export("trace.v1.TraceService", body, ingest)
            } throws: { error in
                // UNAVAILABLE is retried; the wait is where the SDKs look for it (HTTP's Retry-After).
                guard let error = error as? RPCError, error.code == .unavailable,
                    let bytes = error.metadata[binaryValues: "google.rpc.retryinfo-bin"].first(where: { _ in true }),
                    let retry = try? RPCRetryInfo(serializedBytes: bytes)
                else { return false }
                return retry.retryDelay.seconds >= 1 && error.metadata[stringValues: "grpc-retry-pushback-ms"].first(where: { _ in true }) != nil
            }
        }
    }

    @Test func callsWithoutAnIngestKeyAreRefusedAndBadMessagesAreInvalidArguments() async throws {
        try await Self.run { export, ingest, read, _ in
            let body = try OTLPTraceEncoder.protobufBody(from: Self.spans)
            await #expect { try await export("trace.v1.TraceService", body, nil) } throws: { ($0 as? RPCError)?.code == .unauthenticated }
            await #expect { try await export("trace.v1.TraceService", body, "lpk_0000000000_nope") } throws: { ($0 as? RPCError)?.code == .unauthenticated }
            await #expect { try await export("trace.v1.TraceService", body, read) } throws: { ($0 as? RPCError)?.code == .permissionDenied }
            await #expect {
                try await export("trace.v1.TraceService", [0x0A, 0xFF, 0x01], ingest)
            } throws: { error in
                let error = error as? RPCError
                return error?.code == .invalidArgument && error?.message.contains("ExportTraceServiceRequest") == true
            }
            await #expect { try await export("trace.v1.NoSuchService", body, ingest) } throws: { ($0 as? RPCError)?.code == .unimplemented }
        }
    }
}

extension OTLPGRPCReceiverTests {
    @Test func aPortAnotherProcessHoldsStopsTheServerWithASentence() async throws {
        let taken = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(taken.localAddress?.port)
        defer { taken.close(promise: nil) }
        var configuration = ServerConfiguration(port: 0)
        configuration.grpcPort = port
        let parts = LoupeApplication.parts(configuration: configuration, store: InMemoryTelemetryStore(), logger: Logger(label: "test"))
        let server = OTLPGRPCServer(
            service: parts.grpc, host: "127.0.0.1", port: port, maxMessageBytes: 1 << 20, tls: nil, logger: Logger(label: "test"), onListening: { _ in })
        let error = await #expect(throws: OTLPGRPCListenError.self) { try await server.run() }
        #expect(error?.description.contains("--grpc-port") == true)
    }
}
