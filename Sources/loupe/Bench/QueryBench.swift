import ArgumentParser
import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeDemo
import LoupeStore
import LoupeStoreSQLite

struct QueryBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Query latency over a SQLite store filled with simulated spans spread over the last hour."
    )

    @Option(help: "Spans to store before querying.")
    var spans = 1_000_000

    @Option(help: "Times each query runs.")
    var iterations = 50

    func validate() throws {
        guard spans > 0, iterations > 0 else { throw ValidationError("--spans and --iterations must be positive") }
    }

    func run() async throws {
        let path = BenchFormat.temporaryDatabase("query.db")
        let store = try SQLiteTelemetryStore(path: path, options: SQLiteStoreOptions(durability: .normal))
        let normalizer = SpanNormalizer(options: .default)
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        let generator = DemoTrafficGenerator(seed: 11)
        BenchFormat.say("Storing \(spans) spans over the last hour in \(path)…")
        var stored = 0
        var chunk = 0
        let fillStart = ContinuousClock.now
        while stored < spans {
            let traces = DemoTrafficGenerator(seed: generator.seed &+ UInt64(chunk)).traces(5_000, nowNanos: now, spreadSeconds: 3_540)
            let records = traces.joined().prefix(spans - stored).map { normalizer.normalize($0) }
            _ = try await store.write(Array(records))
            stored += records.count
            chunk += 1
            if chunk % 10 == 0 { BenchFormat.say("  \(stored) spans stored") }
        }
        let fill = BenchFormat.seconds(ContinuousClock.now - fillStart)
        BenchFormat.say("stored \(stored) spans in \(String(format: "%.1f", fill)) s (\(BenchFormat.rate(stored, seconds: fill)) spans/s, generation and normalisation included)")

        let analytics = TelemetryAnalytics(store: store)
        let hour = TimeRange.last(seconds: 3_600, now: now + 60_000_000_000)
        try await measure("summary 1h group_by=model", analytics) {
            _ = try await $0.summary(SummaryQuery(range: hour, groupBy: [.model]))
        }
        try await measure("summary 1h group_by=service (requests)", analytics) {
            _ = try await $0.summary(SummaryQuery(range: hour, groupBy: [.service]))
        }
        try await measure("summary 1h group_by=business_unit,model", analytics) {
            _ = try await $0.summary(SummaryQuery(range: hour, groupBy: [TelemetryDimension("business_unit"), .model]))
        }
        try await measure("summary 1h group_by=user", analytics) {
            _ = try await $0.summary(SummaryQuery(range: hour, groupBy: [.user]))
        }
        try await measure("timeseries 1h latency_p95 step=1m group_by=model", analytics) {
            _ = try await $0.timeseries(TimeseriesQuery(range: hour, stepSeconds: 60, metric: .latencyP95, groupBy: [.model]))
        }
        try await measure("recent traces limit=50", analytics) {
            _ = try await $0.traces(TraceQuery(fromNanos: hour.fromNanos, toNanos: hour.toNanos, limit: 50))
        }
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    private func measure(_ name: String, _ analytics: TelemetryAnalytics, _ body: (TelemetryAnalytics) async throws -> Void) async throws {
        try await body(analytics)
        var samples: [Double] = []
        for _ in 0..<iterations {
            let start = ContinuousClock.now
            try await body(analytics)
            samples.append(BenchFormat.seconds(ContinuousClock.now - start))
        }
        samples.sort()
        BenchFormat.say("\(name): p50 \(BenchFormat.ms(BenchFormat.percentile(samples, 0.5))), p95 \(BenchFormat.ms(BenchFormat.percentile(samples, 0.95))), max \(BenchFormat.ms(samples.last ?? 0))")
    }
}
