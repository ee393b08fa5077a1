import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore
import Testing

struct ForecastAnalyticsTests {
    static let hour: Int64 = 3_600_000_000_000
    /// A Monday, 00:00 UTC.
    static let start: Int64 = 1_795_392_000_000_000_000

    /// Three weeks of hourly calls on two models: gpt-4o-mini busy by day (more calls at noon than
    /// at midnight), gpt-4o a steady two calls an hour; each call priced, so cost follows calls.
    static func store() async throws -> InMemoryTelemetryStore {
        let store = InMemoryTelemetryStore()
        var spans: [SpanRecord] = []
        for h in 0..<(21 * 24) {
            let calls = 6 + Int((5 * sin(2 * Double.pi * Double(h % 24 - 6) / 24)).rounded())
            for i in 0..<calls { spans.append(call("m\(h)-\(i)", hour: h, model: "gpt-4o-mini", cost: 0.01)) }
            for i in 0..<2 { spans.append(call("g\(h)-\(i)", hour: h, model: "gpt-4o", cost: 0.05)) }
        }
        _ = try await store.write(spans)
        return store
    }

    static func call(_ id: String, hour: Int, model: String, cost: Double) -> SpanRecord {
        let at = start + Int64(hour) * Self.hour + Int64(id.hashValue & 0xFFFF) * 10_000_000
        return SpanRecord(
            traceId: id, spanId: "s" + id, name: "chat", operation: .llm, startNanos: at, endNanos: at + 500_000_000,
            provider: "openai", requestModel: model, usage: TokenUsage(input: 100, output: 20), countsUsage: true, costUSD: cost
        )
    }

    @Test func aDailyCycleIsForecastWithItsIntervalAndBacktest() async throws {
        let analytics = TelemetryAnalytics(store: try await Self.store())
        let now = Self.start + 21 * 24 * Self.hour + 1_800_000_000_000
        let report = try await analytics.forecast(ForecastQuery(metric: .requests, horizonSeconds: 86_400, nowNanos: now))
        let total = try #require(report.series.first)
        #expect(report.series.count == 1 && total.key.isEmpty && total.historySteps == 21 * 24)
        let forecast = try #require(total.forecast)
        // Three weeks hold two weekly cycles: the week is the period.
        #expect(forecast.model.period == 168 && total.points.count == 24)
        #expect(total.points.first?.time == (Self.start + 21 * 24 * Self.hour) / 1_000_000_000)
        let expected = (0..<24).map { h in Double(8 + Int((5 * sin(2 * Double.pi * Double(h - 6) / 24)).rounded())) }
        let mape = try #require(Forecast.mape(actual: expected, predicted: total.points.map(\.mean)))
        #expect(mape < 0.05, "\(total.points.map(\.mean))")
        #expect(total.points.allSatisfy { $0.lower <= $0.mean && $0.mean <= $0.upper && $0.lower >= 0 })
        #expect((forecast.backtestMAPE ?? 1) < 0.05 && forecast.backtestPoints == 126)
    }

    @Test func perModelCostForecastsTheLargestFirst() async throws {
        let analytics = TelemetryAnalytics(store: try await Self.store())
        let now = Self.start + 21 * 24 * Self.hour
        let report = try await analytics.forecast(ForecastQuery(
            metric: .costUSD, horizonSeconds: 7 * 86_400, stepSeconds: 86_400, groupBy: .model, nowNanos: now
        ))
        // gpt-4o costs 2 × $0.05 × 24 = $2.40 a day, gpt-4o-mini about 6 × $0.01 × 24 = $1.44.
        #expect(report.series.map { $0.key["model"] } == ["gpt-4o", "gpt-4o-mini"])
        // Daily steps: 21 days hold three weekly cycles.
        let gpt4o = try #require(report.series.first?.points)
        #expect(gpt4o.count == 7 && gpt4o.allSatisfy { abs($0.mean - 2.4) < 0.01 })
    }

    @Test func aYoungSeriesSaysItNeedsMoreHistory() async throws {
        let store = InMemoryTelemetryStore()
        _ = try await store.write((0..<30).map { Self.call("x\($0)", hour: $0, model: "gpt-4o", cost: 0.01) })
        let report = try await TelemetryAnalytics(store: store).forecast(ForecastQuery(
            metric: .costUSD, horizonSeconds: 86_400, nowNanos: Self.start + 30 * Self.hour
        ))
        #expect(report.series.first?.historySteps == 30 && report.series.first?.forecast == nil)
    }
}
