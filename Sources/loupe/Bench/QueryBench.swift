import ArgumentParser
import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeDashboard
import LoupeDemo
import LoupeOTLP
import LoupeServer
import LoupeStore
import LoupeStoreClickHouse
import LoupeStoreSQLite

struct QueryBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Query latency over a SQLite store filled with simulated spans spread over the last hour (or --spread).",
        discussion: "`--spread 7d` spreads them over a week: the history the anomaly, forecast and recommendation queries read."
    )

    @Option(help: "Spans to store before querying.")
    var spans = 1_000_000

    @Option(help: "How far back the spans reach: 1h, 24h, 7d… The demo's incident is always in the last ten minutes.")
    var spread = "1h"

    @Option(help: "Times each query runs.")
    var iterations = 50

    @Option(help: ArgumentHelp(
        "SQLite file to fill and keep; when it already holds spans it is queried as it is, without filling.",
        discussion: "Lets a change be measured again over the same million spans without waiting for the fill."
    ))
    var database: String?

    @Option(help: ArgumentHelp(
        "Query ClickHouse instead of SQLite: clickhouse://host:8123/database, filled first when it holds no spans.",
        valueName: "address"
    ))
    var store: String?

    @Option(help: "Only the queries and pages whose name contains this text.")
    var only: String?

    func validate() throws {
        guard spans > 0, iterations > 0 else { throw ValidationError("--spans and --iterations must be positive") }
        guard let seconds = DurationText.seconds(spread), (600...(35 * 86_400)).contains(seconds) else {
            throw ValidationError("--spread must be a duration from 10m to 35d, such as 1h or 7d")
        }
    }

    func run() async throws {
        let path = database ?? BenchFormat.temporaryDatabase("query.db")
        let store: any TelemetryStore
        if let address = self.store {
            store = try await ClickHouseTelemetryStore.open(ClickHouseEndpoint(address: address))
        } else {
            store = try SQLiteTelemetryStore(path: path, options: SQLiteStoreOptions(durability: .normal))
        }
        let place = self.store.map { (try? ClickHouseEndpoint(address: $0).description) ?? $0 } ?? path
        let newest = try await store.traces(TraceQuery(fromNanos: 0, toNanos: .max, limit: 1)).first
        let now: Int64
        if let newest {
            now = newest.startNanos
            BenchFormat.say("Querying the spans already in \(place)")
        } else {
            now = Int64(Date().timeIntervalSince1970 * 1e9)
            try await fill(store, path: place, now: now)
        }
        try await queries(TelemetryAnalytics(store: store, prices: try PriceCatalog.builtIn()), now: now)
        if database == nil, self.store == nil { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    }

    private func fill(_ store: any TelemetryStore, path: String, now: Int64) async throws {
        // The server's own pipeline: normalised, classified, priced and redacted, as `loupe serve` stores spans.
        let pipeline = IngestPipeline(normalizer: SpanNormalizer(options: .default), enrichers: try LoupeApplication.defaultEnrichers())
        let spreadSeconds = DurationText.seconds(spread) ?? 3_600
        BenchFormat.say("Storing \(spans) spans over the last \(spread) in \(path)…")
        var stored = 0
        var chunk = 0
        let fillStart = ContinuousClock.now
        while stored < spans {
            let traces = DemoTrafficGenerator(seed: 11 &+ UInt64(chunk)).traces(5_000, nowNanos: now, spreadSeconds: spreadSeconds - 60)
            let raw = DecodedSpans(spans: Array(traces.joined().prefix(spans - stored)))
            let records = pipeline.records(from: raw, nowNanos: now).records
            _ = try await store.write(Array(records))
            // A thumbs up or down on a third of the experiment's answers, as users of the demo give them.
            try await store.writeScores(records.filter { $0.parentSpanId == nil && $0.experimentLabel != nil && ($0.traceId.utf8.first ?? 0) % 3 == 0 }.map {
                Score(
                    id: "bench-\($0.traceId)", project: $0.project, target: .trace(traceId: $0.traceId), name: "user_satisfaction",
                    value: .boolean($0.traceId.utf8.last.map { $0 % 5 != 0 } ?? true), userId: $0.userId, source: .userFeedback,
                    timestampNanos: $0.endNanos
                )
            })
            stored += records.count
            chunk += 1
            if chunk % 10 == 0 { BenchFormat.say("  \(stored) spans stored") }
        }
        // The demo's incident in the last ten minutes, so the anomaly queries find and explain one.
        let runaway = DemoTrafficGenerator(seed: 11).runawayTraces(4_000, nowNanos: now, spreadSeconds: 600)
        let incident = pipeline.records(from: DecodedSpans(spans: Array(runaway.joined())), nowNanos: now).records
        _ = try await store.write(Array(incident))
        stored += incident.count
        let fill = (ContinuousClock.now - fillStart).seconds
        BenchFormat.say("stored \(stored) spans in \(String(format: "%.1f", fill)) s (\(BenchFormat.rate(stored, seconds: fill)) spans/s, generation and the ingest pipeline included)")
        try await store.flushAggregates()
    }

    private func queries(_ analytics: TelemetryAnalytics, now: Int64) async throws {
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
        try await measure("breakdown 1h (newest 500 traces of the busiest root operation)", analytics) {
            _ = try await $0.breakdown(BreakdownQuery(range: hour))
        }
        try await measure("errors 1h (failure modes at their root cause)", analytics) {
            _ = try await $0.errors(ErrorsQuery(range: hour, trendBuckets: 30))
        }
        let found = try await analytics.anomalies(AnomalyQuery(range: .last(seconds: 86_400, now: now + 60_000_000_000))).anomalies
        BenchFormat.say("anomalies in the last day: \(found.count) (\(found.prefix(3).map { $0.metric.rawValue }.joined(separator: ", ")))")
        // Every metric of the totals over the last day, judged against three days of history.
        try await measure("anomalies 24h, 7 metrics, 3 days of history, with attribution", analytics) {
            _ = try await $0.anomalies(AnomalyQuery(range: .last(seconds: 86_400, now: now + 60_000_000_000)))
        }
        try await measure("anomalies 1h group_by=model", analytics) {
            _ = try await $0.anomalies(AnomalyQuery(range: hour, groupBy: .model))
        }
        try await measure("forecast cost_usd 7d hourly from 28 days", analytics) {
            _ = try await $0.forecast(ForecastQuery(metric: .costUSD, horizonSeconds: 7 * 86_400, nowNanos: now + 60_000_000_000))
        }
        try await measure("budget status (monthly, spend to date, projection, drivers)", analytics) {
            _ = try await $0.budgetStatus(Budget(name: "all", amountUSD: 1_000, period: .monthly), nowNanos: now + 60_000_000_000)
        }
        try await measure("recommendations 7d (one summary, newest 500 traces span by span)", analytics) {
            _ = try await $0.recommendations(RecommendationQuery(range: .last(seconds: 7 * 86_400, now: now + 60_000_000_000)))
        }
        let month = TimeRange.last(seconds: ExperimentQuery.defaultRangeSeconds, now: now + 60_000_000_000)
        try await measure("experiments 30d (list)", analytics) { _ = try await $0.experiments(month) }
        let experiment = try await analytics.experiments(month).first?.name ?? "answer-prompt"
        try await measure("experiment report 30d (every request of the experiment, scores joined, all tests)", analytics) {
            _ = try await $0.experimentReport(ExperimentQuery(name: experiment, range: month))
        }
        try await measure("engagement 30d (users by day, first requests, sessions, cohorts)", analytics) { _ = try await $0.engagement(month) }
        try await measure("quality 7d (scores joined to their requests, by service, time and latency, Spearman)", analytics) {
            _ = try await $0.quality(.last(seconds: 7 * 86_400, now: now + 60_000_000_000))
        }
        try await measure("complexity 7d (daily steps from the rollups, trend)", analytics) {
            _ = try await $0.complexity(.last(seconds: 7 * 86_400, now: now + 60_000_000_000))
        }
        let week = TimeRange.last(seconds: 7 * 86_400, now: now + 60_000_000_000)
        try await measure("compare models 7d in support-rag (every request's model, all tests)", analytics) {
            _ = try await $0.experimentReport(ExperimentQuery.comparing(.model, service: "support-rag", range: week))
        }
        try await measure("retrieval 7d (relevance, content gaps, documents now and before)", analytics) { _ = try await $0.retrieval(week) }
        try await measure("roi 30d by business_unit (daily steps)", analytics) {
            _ = try await $0.roi(month, values: RoiValues(defaults: RoiValues.Worth(valuePerSuccessUSD: 0.02)))
        }
        try await measurePages(analytics, now: now + 60_000_000_000)
    }

    /// Every dashboard page, rendered to HTML as the server does (server time, without HTTP).
    private func measurePages(_ analytics: TelemetryAnalytics, now: Int64) async throws {
        let dashboard = Dashboard(analytics: analytics, businessDimensions: ["business_unit", "query_category"], otlpEndpoint: "bench")
        let recent = try await analytics.traces(TraceQuery(fromNanos: now - 3_600_000_000_000, toNanos: now, limit: 200, hasErrors: true))
        let trace = recent.max { $0.spanCount < $1.spanCount }?.traceId ?? ""
        let pages: [(String, @Sendable () async throws -> String)] = [
            ("page /ui/ (overview 1h)", { try await dashboard.overview([:], nowNanos: now) }),
            ("page /ui/traces", { try await dashboard.traces([:], nowNanos: now) }),
            ("page /ui/traces/{id}", { try await dashboard.trace(id: trace, [:], nowNanos: now) }),
            ("page /ui/time", { try await dashboard.time([:], nowNanos: now) }),
            ("page /ui/errors", { try await dashboard.errors([:], nowNanos: now) }),
            ("page /ui/cost (by model)", { try await dashboard.cost([:], nowNanos: now) }),
            ("page /ui/models", { try await dashboard.models([:], nowNanos: now) }),
            ("page /ui/heatmap (by operation)", { try await dashboard.heatmap([:], nowNanos: now) }),
            ("page /ui/heatmap?by=query_category", { try await dashboard.heatmap(["by": "query_category"], nowNanos: now) }),
            ("page /ui/users", { try await dashboard.users([:], nowNanos: now) }),
            ("page /ui/users?range=7d", { try await dashboard.users(["range": "7d"], nowNanos: now) }),
            ("page /ui/anomalies", { try await dashboard.anomalies([:], nowNanos: now) }),
            ("page /ui/anomalies?range=24h", { try await dashboard.anomalies(["range": "24h"], nowNanos: now) }),
            ("page /ui/recommendations?range=7d", { try await dashboard.recommendations(["range": "7d"], nowNanos: now) }),
            ("page /ui/experiments?range=7d", { try await dashboard.experiments(["range": "7d"], nowNanos: now) }),
            ("page /ui/business", { try await dashboard.business([:], nowNanos: now) }),
            ("page /ui/business?range=7d", { try await dashboard.business(["range": "7d"], nowNanos: now) }),
        ]
        for (name, render) in pages {
            if let only, !name.contains(only) { continue }
            let bytes = try await render().utf8.count
            try await measure("\(name), \(bytes / 1_024) KB", analytics) { _ in _ = try await render() }
        }
    }

    private func measure(_ name: String, _ analytics: TelemetryAnalytics, _ body: (TelemetryAnalytics) async throws -> Void) async throws {
        if let only, !name.contains(only) { return }
        try await body(analytics)
        var samples: [Double] = []
        for _ in 0..<iterations {
            let start = ContinuousClock.now
            try await body(analytics)
            samples.append((ContinuousClock.now - start).seconds)
        }
        samples.sort()
        BenchFormat.say("\(name): p50 \(BenchFormat.ms(BenchFormat.percentile(samples, 0.5))), p95 \(BenchFormat.ms(BenchFormat.percentile(samples, 0.95))), max \(BenchFormat.ms(samples.last ?? 0))")
    }
}
