import ArgumentParser
import AsyncHTTPClient
import CompressNIO
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import LoupeCore
import LoupeDemo
import LoupeOTLP
import LoupeServer
import LoupeStore
import LoupeStoreClickHouse
import LoupeStoreSQLite
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization

struct IngestBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Durable ingest throughput: OTLP protobuf over loopback HTTP (or gRPC) into a real SQLite file, counting only acknowledged (= committed) spans."
    )

    @Option(help: "Spans to send (approximately; whole traces are sent).")
    var spans = 200_000

    @Option(help: "Spans per OTLP request (OTel SDKs send 512 by default).")
    var batch = 512

    @Option(help: "Concurrent exporters, each on its own connection and waiting for its answer before sending again, as OTel SDKs do. The default keeps the server busy, which is what capacity means; fewer exporters measure how long each waits for its commit.")
    var clients = 64

    @Flag(help: "Gzip request bodies, as most exporters do.")
    var gzip = false

    @Flag(help: "Export over OTLP/gRPC (TraceService/Export, every client's calls on one HTTP/2 connection) instead of HTTP.")
    var grpc = false

    @Flag(help: "Add prompt and completion content to every span (about 1.3 KB per span on the wire), as instrumentations with content capture send it.")
    var content = false

    @Option(help: "Scores to store before ingest starts, to measure ingest into a store that already holds feedback (e.g. 1000000).")
    var scores = 0

    @Option(help: "Durability: full or normal.")
    var durability: SQLiteStoreOptions.Durability = .full

    @Option(help: "Spans of traffic built and held in memory; a longer run sends them again with new trace ids.")
    var poolSpans = 250_000

    @Flag(name: .customLong("no-packing"), help: "Store spans' attributes and events as plain text, to measure what packing them costs and saves.")
    var noPacking = false

    @Option(help: ArgumentHelp(
        "Ingest into ClickHouse instead of SQLite: clickhouse://host:8123/database (a database of its own: the bench writes into it).",
        discussion: "Credentials from LOUPE_CLICKHOUSE_USER and LOUPE_CLICKHOUSE_PASSWORD, as for `loupe serve --store`.",
        valueName: "address"
    ))
    var store: String?

    @Option(name: .customLong("keep-database"), help: "Write into a new database at this path and keep it, to look at what a span costs on disk (by default a temporary file, deleted afterwards).")
    var keepDatabase: String?

    func validate() throws {
        guard spans > 0, batch > 0, clients > 0 else { throw ValidationError("--spans, --batch and --clients must be positive") }
        guard scores >= 0 else { throw ValidationError("--scores must not be negative") }
        guard poolSpans >= batch else { throw ValidationError("--pool-spans must hold at least one request (--batch \(batch))") }
        if gzip, spans > poolSpans {
            throw ValidationError("--gzip sends at most --pool-spans (\(poolSpans)) spans: longer runs resend bodies with new trace ids, which gzip would hide")
        }
        if grpc, gzip {
            throw ValidationError("--gzip compresses HTTP bodies; the gRPC bench sends uncompressed messages: drop one of them")
        }
        if store != nil, keepDatabase != nil {
            throw ValidationError("--keep-database names a SQLite file; with --store the data stays in the ClickHouse database given")
        }
        if let keepDatabase, FileManager.default.fileExists(atPath: keepDatabase) {
            throw ValidationError("--keep-database \(keepDatabase) already exists; give the path of a new file")
        }
    }


    func run() async throws {
        let path = keepDatabase ?? BenchFormat.temporaryDatabase("ingest.db")
        let pooled = min(spans, poolSpans)
        BenchFormat.say("Preparing \(pooled) spans of simulated traffic\(pooled < spans ? ", sent again with new trace ids up to \(spans)" : "")…")
        let traces = DemoTrafficGenerator(seed: 7).traces(pooled / 3 + 1, nowNanos: Int64(Date().timeIntervalSince1970 * 1e9))
        var bodies: [ByteBuffer] = []
        var spanCounts: [Int] = []
        var traceIds = Set<[UInt8]>()
        var current: [RawSpan] = []
        var built = 0
        var text = BenchContent()
        for var trace in traces where built < pooled {
            if content { for i in trace.indices { text.add(to: &trace[i]) } }
            current += trace
            built += trace.count
            if let id = trace.first.flatMap({ HexID.decode($0.traceId) }) { traceIds.insert(id) }
            if current.count >= batch {
                bodies.append(try body(current))
                spanCounts.append(current.count)
                current = []
            }
        }
        if !current.isEmpty {
            bodies.append(try body(current))
            spanCounts.append(current.count)
        }
        let pool = BenchBodyPool(bodies: bodies, spanCounts: spanCounts, traceIds: traceIds, spans: spans)
        let total = pool.spans

        let wireBytes = bodies.reduce(0) { $0 + $1.readableBytes }
        BenchFormat.say("Payload: \(wireBytes / max(1, built)) B per span on the wire\(content ? ", with prompt and completion content" : "").")
        var logger = Logger(label: "loupe.bench")
        logger.logLevel = .error
        let store: any TelemetryStore
        if let address = self.store {
            store = try await ClickHouseTelemetryStore.open(ClickHouseEndpoint(address: address))
        } else {
            store = try SQLiteTelemetryStore(path: path, options: SQLiteStoreOptions(durability: durability, packContent: !noPacking))
        }
        try await store.claimIngest()
        if scores > 0 { try await Self.prefill(scores: scores, into: store) }
        var configuration = ServerConfiguration(port: 0, databasePath: path)
        if grpc { configuration.grpcPort = 0 }
        // Sent with an ingest key, as production is: the key is checked on every request.
        let key = try await AccessKeys(store: store, now: LoupeApplication.wallClockNanos)
            .create(name: "bench", scope: .ingest, project: "bench", actor: "bench").text
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let grpc = grpc
        let app = try LoupeApplication.make(
            configuration: configuration, store: store, enrichers: try LoupeApplication.defaultEnrichers(), logger: logger,
            onServerRunning: { port in if !grpc { continuation.yield(port) } }, onGRPCListening: { port in continuation.yield(port) })
        let transport = grpc ? "OTLP/gRPC" : gzip ? "gzip protobuf over HTTP" : "uncompressed protobuf over HTTP"
        let into = self.store.map { "into ClickHouse \((try? ClickHouseEndpoint(address: $0).description) ?? $0)" } ?? "durability \(durability.rawValue)"
        BenchFormat.say("Sending \(total) spans in \(pool.requests) requests from \(clients) clients (\(transport), \(into))…")
        let services = ServiceGroup(configuration: .init(services: [app], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            let progress = BenchProgress(every: max(100_000, total / 10))
            let contentEncoding = gzip ? "gzip" : nil
            let clients = clients
            let start: ContinuousClock.Instant
            if grpc {
                start = try await withGRPCClient(
                    transport: try .http2NIOPosix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
                ) { client in
                    let exporter = BenchGRPCExporter(client: client, key: key, progress: progress)
                    let start = ContinuousClock.now
                    try await Self.send(pool, clients: clients, progress: progress) { try await exporter.send($0) }
                    return start
                }
            } else {
                // One connection per client: the shared client's pool would cap them at 8.
                var clientConfiguration = HTTPClient.Configuration()
                clientConfiguration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: clients)
                let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
                start = ContinuousClock.now
                try await Self.send(pool, clients: clients, progress: progress) {
                    try await Self.post($0, port: port, key: key, contentEncoding: contentEncoding, with: http, progress: progress)
                }
                try await http.shutdown()
            }
            let elapsed = (ContinuousClock.now - start).seconds
            BenchFormat.say("ingest: \(total) spans acknowledged in \(String(format: "%.2f", elapsed)) s = \(BenchFormat.rate(total, seconds: elapsed)) spans/s (durable, acked after commit)")
            BenchFormat.say("refused and sent again: \(progress.refusedCount) of \(pool.requests) requests (429, 503 or UNAVAILABLE)")
            // Cancelling the task would not stop the server's own service group: shut it down gracefully.
            await services.triggerGracefulShutdown()
        }
        if let store = store as? SQLiteTelemetryStore {
            try await Self.reportSize(of: store, path: path, spans: total)
        } else if let store = store as? ClickHouseTelemetryStore {
            // What the parts take once ClickHouse has merged them, as they settle after a while.
            try await store.optimize()
            let bytes = await store.health().storedBytes ?? 0
            BenchFormat.say(
                "stored: \(bytes / Int64(max(1, total))) B per span in ClickHouse's active parts (\(String(format: "%.1f", Double(bytes) / 1_048_576)) MiB for \(total) spans, rollups included, after merging)")
        }
        if keepDatabase == nil, self.store == nil { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    }

    private static func reportSize(of store: SQLiteTelemetryStore, path: String, spans total: Int) async throws {
        // The writer flushed on shutdown; what the file holds now is what a span costs on disk.
        try await store.checkpoint()
        func size(_ file: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0 }
        let (database, log) = (size(path), size(path + "-wal"))
        // The log is reused, not grown, once checkpointed (it is cut back to 64 MiB): a fixed cost,
        // which on a short run would swamp what each span costs.
        BenchFormat.say(
            "stored: \(database / max(1, total)) B per span in the database file (\(String(format: "%.1f", Double(database) / 1_048_576)) MiB for \(total) spans, rollups and indexes included), "
                + "and a \(String(format: "%.1f", Double(log) / 1_048_576)) MiB write-ahead log")
    }

    /// Sends every body of the pool from `clients` exporters, each waiting for its answer before sending again.
    private static func send(
        _ pool: BenchBodyPool, clients: Int, progress: BenchProgress, with export: @escaping @Sendable (ByteBuffer) async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { senders in
            for _ in 0..<clients {
                senders.addTask {
                    while true {
                        let index = progress.take()
                        guard index < pool.requests else { return }
                        try await export(pool.body(index))
                        progress.acknowledged(pool.spanCount(index))
                    }
                }
            }
            try await senders.waitForAll()
        }
    }

    /// Feedback on as many traces as `scores`, in the API's batches of a thousand.
    private static func prefill(scores: Int, into store: any TelemetryStore) async throws {
        BenchFormat.say("Storing \(scores) scores first…")
        let start = ContinuousClock.now
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        for first in stride(from: 0, to: scores, by: 1_000) {
            try await store.writeScores((first..<min(scores, first + 1_000)).map { i in
                Score(
                    id: "prefill-\(i)", project: "default", target: .trace(traceId: String(format: "%032x", i + 1)), name: "user_satisfaction",
                    value: .boolean(i % 4 != 0), userId: "user-\(i % 5_000)", source: .userFeedback, timestampNanos: now - Int64(i) * 1_000_000
                )
            })
        }
        // Ingest starts from a checkpointed log, as in the run without scores.
        try await (store as? SQLiteTelemetryStore)?.checkpoint()
        let seconds = (ContinuousClock.now - start).seconds
        BenchFormat.say("stored \(scores) scores in \(String(format: "%.1f", seconds)) s (\(BenchFormat.rate(scores, seconds: seconds)) scores/s)")
    }

    private func body(_ spans: [RawSpan]) throws -> ByteBuffer {
        var buffer = ByteBuffer(bytes: try OTLPTraceEncoder.protobufBody(from: spans))
        return gzip ? try buffer.compress(with: .gzip()) : buffer
    }

    private static func post(
        _ body: ByteBuffer, port: Int, key: String, contentEncoding: String?, with http: HTTPClient, progress: BenchProgress
    ) async throws {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/traces")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        request.headers.add(name: "Content-Type", value: "application/x-protobuf")
        if let contentEncoding { request.headers.add(name: "Content-Encoding", value: contentEncoding) }
        request.body = .bytes(body)
        for attempt in 0... {
            let response = try await http.execute(request, timeout: .seconds(60))
            _ = try await response.body.collect(upTo: 1 << 20)
            if response.status.code == 200 { return }
            guard response.status.code == 429 || response.status.code == 503 else {
                throw ValidationError("the server answered HTTP \(response.status.code)")
            }
            try await progress.refused(attempt: attempt)
        }
    }
}
