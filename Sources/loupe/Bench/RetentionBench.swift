import ArgumentParser
import Foundation
import LoupeCore
import LoupeDemo
import LoupeOTLP
import LoupeServer
import LoupeStore
import LoupeStoreSQLite

struct RetentionBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Sustained ingest with retention on: the database's size day by day, and how long each delete batch held the writer.",
        discussion: """
            Stores --days simulated days of traffic, one day at a time, running a retention pass after each that keeps
            --keep-days of spans and twice that of rollups: the size should stop growing once both have expired, and no
            batch should hold the writer (and so ingest) for long. With --max-mib, the data is also held under that
            size: the oldest traces go first once it is over.
            """
    )

    @Option(help: "Simulated days of traffic.")
    var days = 12

    @Option(help: "Spans stored per simulated day.")
    var spansPerDay = 50_000

    @Option(help: "Days of spans retention keeps (rollups: twice as many).")
    var keepDays = 3

    @Option(help: "A ceiling on the stored data, in MiB (retention's max_database_mib); none by default.")
    var maxMib: Int?

    func validate() throws {
        guard days > 0, spansPerDay > 0, keepDays > 0, keepDays < days else {
            throw ValidationError("--days, --spans-per-day and --keep-days must be positive, and --keep-days below --days")
        }
        if let maxMib, maxMib < 1 { throw ValidationError("--max-mib must be at least 1") }
    }

    func run() async throws {
        let path = BenchFormat.temporaryDatabase("retention.db")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let store = try SQLiteTelemetryStore(path: path, options: SQLiteStoreOptions(durability: .normal))
        let pipeline = IngestPipeline(normalizer: SpanNormalizer(options: .default), enrichers: try LoupeApplication.defaultEnrichers())
        let retention = Retention(
            policy: RetentionPolicy(defaults: .init(spansDays: keepDays, rollupsDays: keepDays * 2), maxDatabaseMiB: maxMib), store: store
        )
        let day: Int64 = 86_400_000_000_000
        let start = Int64(Date().timeIntervalSince1970 * 1e9) - Int64(days) * day
        BenchFormat.say("Storing \(days) days of \(spansPerDay) spans in \(path), keeping \(keepDays) days\(maxMib.map { " and at most \($0) MiB" } ?? "")…")
        var batches: [Double] = []
        for index in 0..<days {
            let dayEnd = start + Int64(index + 1) * day
            var stored = 0
            var chunk = 0
            while stored < spansPerDay {
                let traces = DemoTrafficGenerator(seed: UInt64(index * 1_000 + chunk)).traces(2_000, nowNanos: dayEnd, spreadSeconds: 86_340)
                let raw = DecodedSpans(spans: Array(traces.joined().prefix(spansPerDay - stored)))
                let records = pipeline.records(from: raw, nowNanos: dayEnd).records
                _ = try await store.write(Array(records))
                stored += records.count
                chunk += 1
            }
            try await store.flushAggregates()
            let started = ContinuousClock.now
            let report = try await retention.pass(nowNanos: dayEnd)
            let pass = (ContinuousClock.now - started).seconds
            batches += report.batchSeconds
            try await store.checkpoint()
            let bytes = [path, path + "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int64 }.reduce(0, +)
            let data = await store.health().dataBytes ?? 0
            BenchFormat.say(String(
                format: "day %2d: %6.1f MiB on disk (%6.1f MiB of data); deleted %6d traces, %7d spans in %3d batches (%.0f ms, longest batch %.1f ms), gave back %.1f MiB",
                index + 1, Double(bytes) / 1_048_576, Double(data) / 1_048_576, report.deleted.traces, report.deleted.spans, report.batches, pass * 1_000,
                report.longestBatchSeconds * 1_000, Double(report.reclaimedBytes) / 1_048_576
            ))
        }
        let sorted = batches.sorted()
        BenchFormat.say(String(
            format: "%d delete batches: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (a server also checkpoints every second, off the writer)",
            sorted.count, BenchFormat.percentile(sorted, 0.5) * 1_000, BenchFormat.percentile(sorted, 0.95) * 1_000,
            BenchFormat.percentile(sorted, 0.99) * 1_000, (sorted.last ?? 0) * 1_000
        ))
    }
}
