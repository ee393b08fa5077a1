import Foundation
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeAnalytics

/// Reading only the history the baselines use gives the same anomalies as reading all of it.
struct AnomalyReadPlanTests {
    static let minute: Int64 = 60_000_000_000
    static let base = 29_000_160 * minute  // a UTC midnight

    @Test func anHourAgainstThreeDaysReadsItsWindowsAndADayReadsEverything() {
        let calendar = RobustBaseline.Calendar(stepSeconds: 60)
        // Three days of history and an hour, in minutes; scored from 30 minutes before the hour.
        let hour = AnomalyReadPlan(stepCount: 3 * 1_440 + 60, scoredFrom: 3 * 1_440 - 30, calendar: calendar)
        // Each day back: the scored stretch ± 15 minutes (cut at the start); then the trailing hour and the range.
        #expect(hour.isPartial && hour.windows == [0..<75, 1_395..<1_515, 2_835..<2_955, 4_230..<4_380])
        #expect(hour.known.filter { $0 }.count == 465)
        let tenMinutes = RobustBaseline.Calendar(stepSeconds: 600)
        let day = AnomalyReadPlan(stepCount: 4 * 144, scoredFrom: 3 * 144 - 30, calendar: tenMinutes)
        #expect(!day.isPartial && day.known.allSatisfy { $0 })
    }

    /// Four days of one call a minute whose cost follows the time of day, and in the last hour a
    /// twenty-minute burst of ten calls a minute.
    static func store() async throws -> InMemoryTelemetryStore {
        var spans: [SpanRecord] = []
        for m in 0..<(4 * 1_440) {
            let daily = 1 + 0.5 * sin(2 * Double.pi * Double(m % 1_440) / 1_440)
            let calls = m >= 4 * 1_440 - 40 && m < 4 * 1_440 - 20 ? 10 : 1
            for i in 0..<calls {
                let start = base + Int64(m) * minute + Int64(i) * 1_000_000_000
                spans.append(SpanRecord(
                    traceId: "t\(m)-\(i)", spanId: "s\(m)-\(i)", name: "chat", operation: .llm, startNanos: start,
                    endNanos: start + Int64(300 + m % 7 * 20) * 1_000_000, provider: "openai", requestModel: "gpt-4o-mini",
                    usage: TokenUsage(input: 100, output: 20), countsUsage: true, costUSD: 0.001 * daily, userId: "u\(m % 5)"
                ))
            }
        }
        let store = InMemoryTelemetryStore()
        _ = try await store.write(spans)
        return store
    }

    @Test func windowedReadsFindTheSameAnomaliesAsReadingEverything() async throws {
        let analytics = TelemetryAnalytics(store: try await Self.store())
        let end = Self.base + 4 * 1_440 * Self.minute
        for (range, groupBy) in [(TimeRange(fromNanos: end - 60 * Self.minute, toNanos: end), nil), (TimeRange(fromNanos: end - 90 * Self.minute, toNanos: end), TelemetryDimension.model)] {
            var query = AnomalyQuery(range: range, groupBy: groupBy, includeSeries: true)
            let windowed = try await analytics.anomalies(query)
            query.readsBaselineWindowsOnly = false
            let full = try await analytics.anomalies(query)
            #expect(windowed.anomalies == full.anomalies && windowed.series == full.series && windowed.historyMinutes == full.historyMinutes)
            #expect(windowed.baseline == .seasonal)
            #expect(windowed.anomalies.contains { $0.metric == .requests && $0.direction == .spike })
        }
    }
}
