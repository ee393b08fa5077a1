import Foundation
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeAnalytics

/// Three support requests (one failed, one thumbed down, one fine), one sales request and one
/// research request, each costing a cent, in two hours; worked out by hand, and with pandas in
/// References/business_reference.py.
struct RoiTests {
    static let start: Int64 = 1_764_590_400_000_000_000
    static let hour: Int64 = 3_600_000_000_000
    static let range = TimeRange(fromNanos: start, toNanos: start + 3 * hour)
    static let values = RoiValues(
        defaults: RoiValues.Worth(valuePerSuccessUSD: 0.5),
        units: ["support": RoiValues.Worth(valuePerSuccessUSD: 1.2, minutesSaved: 6), "sales": RoiValues.Worth(minutesSaved: 10)],
        hourlyRateUSD: 60
    )

    static func store() async throws -> InMemoryTelemetryStore {
        let store = InMemoryTelemetryStore()
        let units = ["support", "support", "support", "sales", "research"]
        let spans = units.enumerated().map { i, unit in
            let t0 = start + (i < 3 ? 0 : hour) + Int64(i) * 60_000_000_000
            return SpanRecord(
                traceId: String(format: "%032x", i + 1), spanId: "0000000000000001", service: "app", name: "answer", operation: .llm,
                startNanos: t0, endNanos: t0 + 1_000_000_000, status: i == 0 ? .error : .unset, requestModel: "gpt-4o",
                countsUsage: true, costUSD: 0.01, dimensions: ["business_unit": unit]
            )
        }
        _ = try await store.write(spans)
        try await store.writeScores([Score(
            id: "down", project: "default", target: .trace(traceId: String(format: "%032x", 2)), name: "thumbs", value: .boolean(false),
            source: .userFeedback, timestampNanos: start
        )])
        return store
    }

    @Test func valueAgainstCostByBusinessUnit() async throws {
        let r = try await TelemetryAnalytics(store: try await Self.store()).roi(Self.range, values: Self.values)
        #expect(r.units.map(\.unit) == ["support", "research", "sales"])
        let support = r.units[0]
        #expect((support.requests, support.successful, support.failed, support.negativeFeedback) == (3, 1, 1, 1))
        #expect(abs(support.costUSD - 0.03) < 1e-12 && support.valueUSD == 1.2 && support.minutesSaved == 6)
        #expect(abs((support.netUSD ?? 0) - 1.17) < 1e-12 && abs((support.roi ?? 0) - 39) < 1e-9)
        #expect(abs((support.costPerSuccessUSD ?? 0) - 0.03) < 1e-12)
        // Sales values its ten minutes at the hourly rate; research takes the default value.
        #expect(r.units[2].valueUSD == 10 && r.units[1].valueUSD == 0.5 && r.units[1].minutesSaved == nil)
        #expect(r.total.requests == 5 && r.total.successful == 3 && abs((r.total.valueUSD ?? 0) - 11.7) < 1e-12)
        #expect(r.overTime.map(\.requests) == [3, 2] && r.overTime.map(\.unit) == [String(Self.start / 60_000_000_000), String((Self.start + Self.hour) / 60_000_000_000)])
        #expect(r.unpricedCalls == 0)
    }

    @Test func withoutValuesROIShowsCostsAndSuccessOnly() async throws {
        let r = try await TelemetryAnalytics(store: try await Self.store()).roi(Self.range, values: RoiValues())
        #expect(r.total.valueUSD == nil && r.total.netUSD == nil && r.total.roi == nil)
        #expect(abs((r.total.costPerSuccessUSD ?? 0) - 0.05 / 3) < 1e-12)
    }

    @Test func valuesThatCannotBeUsedAreRefused() async throws {
        #expect(RoiValues(defaults: RoiValues.Worth(valuePerSuccessUSD: -1)).problem == "default.value_per_success_usd must be 0 or more")
        #expect(RoiValues(units: ["x": RoiValues.Worth(minutesSaved: .nan)]).problem == "x.minutes_saved must be 0 or more")
        #expect(RoiValues(by: "").problem != nil && RoiValues(hourlyRateUSD: -5).problem != nil)
        await #expect(throws: AnalyticsError.self) {
            _ = try await TelemetryAnalytics(store: InMemoryTelemetryStore()).roi(Self.range, values: RoiValues(hourlyRateUSD: -5))
        }
    }
}
