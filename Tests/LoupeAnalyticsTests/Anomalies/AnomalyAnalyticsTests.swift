import LoupeAnalytics
import LoupeCore
import LoupeStore
import Testing

struct AnomalyAnalyticsTests {
    static let minute: Int64 = 60_000_000_000
    static let base = 29_000_000 * minute

    /// Three hours of steady traffic (20 calls a minute over ten users on gpt-4o-mini); in the
    /// last ten minutes one user's loop adds 60 gpt-4o calls a minute at five times the price.
    static func store(runaway: Bool = true) async throws -> InMemoryTelemetryStore {
        let store = InMemoryTelemetryStore()
        var spans: [SpanRecord] = []
        func call(_ id: String, minute: Int, user: String, model: String, cost: Double, ms: Int64) -> SpanRecord {
            let start = base + Int64(minute) * Self.minute + Int64(spans.count % 50) * 1_000_000_000
            return SpanRecord(
                traceId: id, spanId: "s" + id, name: "chat", operation: .llm, startNanos: start, endNanos: start + ms * 1_000_000,
                provider: "openai", requestModel: model, usage: TokenUsage(input: 100, output: 20), countsUsage: true,
                costUSD: cost, userId: user
            )
        }
        for m in 0..<180 {
            for i in 0..<(20 + m % 3) {
                spans.append(call("t\(m)-\(i)", minute: m, user: "u\(i % 10)", model: "gpt-4o-mini", cost: 0.01 * (1 + Double(i % 4) * 0.05), ms: 400 + Int64(i * 7)))
            }
            if runaway && m >= 170 {
                for i in 0..<60 { spans.append(call("r\(m)-\(i)", minute: m, user: "u-runaway", model: "gpt-4o", cost: 0.05, ms: 900)) }
            }
        }
        _ = try await store.write(spans)
        return store
    }

    static let lastHour = TimeRange(fromNanos: base + 120 * minute, toNanos: base + 180 * minute)

    @Test func aRunawayUsersCostSpikeIsFoundAndAttributedToThatUserAndModel() async throws {
        let analytics = TelemetryAnalytics(store: try await Self.store())
        let report = try await analytics.anomalies(AnomalyQuery(range: Self.lastHour, metrics: [.costUSD, .requests], lookbackSeconds: 7_200))
        #expect(report.stepSeconds == 60 && report.unit == .requests && report.baseline == .trailing)
        #expect(report.historyMinutes == 180)
        let cost = try #require(report.anomalies.first { $0.metric == .costUSD })
        #expect(cost.direction == .spike && cost.ongoing)
        #expect(cost.start == (Self.base + 170 * Self.minute) / 1_000_000_000)
        #expect(cost.end == (Self.base + 180 * Self.minute) / 1_000_000_000)
        // Expected ≈ 21 calls × $0.0107; observed adds 60 × $0.05 = $3.
        #expect(abs(cost.expected - 0.2247) < 0.02 && cost.observed > 3)
        let lead = try #require(AnomalyAttribution.headline(cost.attribution))
        #expect(lead.key == ["user": "u-runaway", "model": "gpt-4o"])
        #expect(lead.share > 0.99 && lead.baselineShare == 0)
        let sentence = cost.sentence(unit: report.unit)
        #expect(sentence.hasPrefix("cost per minute ×"))
        #expect(sentence.contains("since 00:10 UTC") && sentence.hasSuffix("of the increase in cost is user u-runaway on gpt-4o"))
        #expect(report.anomalies.contains { $0.metric == .requests && $0.direction == .spike })
    }

    @Test func steadyTrafficHasNoAnomaly() async throws {
        let analytics = TelemetryAnalytics(store: try await Self.store(runaway: false))
        let report = try await analytics.anomalies(AnomalyQuery(range: Self.lastHour, lookbackSeconds: 7_200, includeSeries: true))
        #expect(report.anomalies.isEmpty)
        // Every metric of the totals is drawn, with its band, for each step of the range.
        #expect(report.series.count == AnomalyMetric.allCases.count)
        let cost = try #require(report.series.first { $0.metric == .costUSD })
        #expect(cost.points.count == 60)
        #expect(cost.points.allSatisfy { p in p.lower.map { l in l <= p.value! && p.value! <= p.upper! } ?? false })
    }

    @Test func perGroupSeriesKeepTheLargestGroups() async throws {
        let analytics = TelemetryAnalytics(store: try await Self.store())
        let report = try await analytics.anomalies(AnomalyQuery(
            range: Self.lastHour, metrics: [.requests], groupBy: .user, lookbackSeconds: 7_200, groupLimit: 3, includeSeries: true
        ))
        // Users are kept in ten-minute rows: the step follows.
        #expect(report.stepSeconds == 600 && report.unit == .requests)
        #expect(report.series.count == 3)
        #expect(report.series.contains { $0.key == ["user": "u-runaway"] })
    }

    @Test func anEmptyRangeOrUncombinableDimensionsAreRefused() async throws {
        let analytics = TelemetryAnalytics(store: InMemoryTelemetryStore())
        await #expect(throws: AnalyticsError.emptyRange) {
            try await analytics.anomalies(AnomalyQuery(range: TimeRange(fromNanos: 10, toNanos: 10)))
        }
        await #expect(throws: AnalyticsError.self) {
            try await analytics.anomalies(AnomalyQuery(range: Self.lastHour, groupBy: .user, filters: [TelemetryDimension("business_unit"): "x"]))
        }
    }
}
