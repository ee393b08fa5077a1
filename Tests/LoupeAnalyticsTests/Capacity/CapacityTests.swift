import Foundation
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeAnalytics

struct CapacityTests {
    static let hour = ForecastAnalyticsTests.hour
    static let start = ForecastAnalyticsTests.start  // a Monday

    /// Three weeks of gpt-4o calls of 1,000 tokens: on weekdays 12 ± 8 an hour, busiest at 14:00
    /// UTC; six an hour at weekends. Each hour's calls land in six minutes, ten apart, so an
    /// hour's busiest minute runs ten times its average minute.
    static func store() async throws -> InMemoryTelemetryStore {
        let store = InMemoryTelemetryStore()
        var spans: [SpanRecord] = []
        for h in 0..<(21 * 24) {
            let weekend = (h / 24) % 7 >= 5
            let calls = weekend ? 6 : 12 + Int((8 * sin(2 * Double.pi * Double(h % 24 - 8) / 24)).rounded())
            for i in 0..<calls {
                let at = start + Int64(h) * hour + Int64(i % 6) * 600_000_000_000 + Int64(i) * 1_000_000_000
                spans.append(SpanRecord(
                    traceId: "c\(h)-\(i)", spanId: "s\(h)-\(i)", name: "chat", operation: .llm, startNanos: at, endNanos: at + 500_000_000,
                    provider: "openai", requestModel: "gpt-4o", usage: TokenUsage(input: 900, output: 100), countsUsage: true
                ))
            }
        }
        _ = try await store.write(spans)
        return store
    }

    @Test func aTokenLimitIsHitAtTheWeekdayPeakAndARequestLimitIsNot() async throws {
        let analytics = TelemetryAnalytics(store: try await Self.store())
        let now = Self.start + 21 * 24 * Self.hour
        let reports = try await analytics.capacity(RateLimit(model: "gpt-4o", tokensPerMinute: 3_000, requestsPerMinute: 1_000), nowNanos: now)
        let tpm = try #require(reports.first { $0.kind == .tokens })
        #expect(abs(tpm.peakFactor - 10) < 0.01)
        // The last day was a Sunday: six calls an hour, one a minute: 1,000 tokens at most.
        #expect(tpm.recentPeak == 1_000)
        #expect(tpm.weekdaysOnly && tpm.breachHoursOfDay.contains(14) && !tpm.breachHoursOfDay.contains(2))
        let first = try #require(tpm.firstBreach)
        // Monday 14 December, in the afternoon.
        #expect(first > now / 1_000_000_000 && first < now / 1_000_000_000 + 86_400)
        #expect(tpm.sentence.hasPrefix("will hit the gpt-4o TPM limit (3000 a minute) at about") && tpm.sentence.contains("UTC on weekdays"))
        let rpm = try #require(reports.first { $0.kind == .requests })
        #expect(rpm.firstBreach == nil && rpm.sentence.hasPrefix("stays under the gpt-4o RPM limit"))
    }

    /// One project's use of a limit the account shares: its own busiest minute, not the account's.
    @Test func aProjectSeesItsOwnUseOfALimit() async throws {
        let store = try await Self.store()
        let now = Self.start + 21 * 24 * Self.hour
        // Another project's burst within the last day, in a minute of its own: ten calls of 1,000 tokens.
        let burst = (0..<10).map { i in
            let at = now - Self.hour + 300_000_000_000 + Int64(i) * 1_000_000_000
            return SpanRecord(
                traceId: "b\(i)", spanId: "b\(i)", project: "beta", name: "chat", operation: .llm, startNanos: at, endNanos: at + 500_000_000,
                provider: "openai", requestModel: "gpt-4o", usage: TokenUsage(input: 900, output: 100), countsUsage: true
            )
        }
        _ = try await store.write(burst)
        let analytics = TelemetryAnalytics(store: store)
        let limit = RateLimit(model: "gpt-4o", tokensPerMinute: 3_000)
        func recentPeak(_ project: String?) async throws -> Double? {
            try await analytics.capacity(limit, project: project, nowNanos: now).first { $0.kind == .tokens }?.recentPeak
        }
        #expect(try await recentPeak(nil) == 10_000)
        #expect(try await recentPeak("beta") == 10_000)
        #expect(try await recentPeak("default") == 1_000)
    }

    @Test func theBusiestMinuteOverTheAverageIsTheMedianOverHours() {
        // Two full hours: one with all its traffic in one minute (×60), one flat (×1); a partial third ignored.
        let minutes = [60.0] + [Double](repeating: 0, count: 59) + [Double](repeating: 1, count: 60) + [5, 5]
        #expect(TelemetryAnalytics.peakFactor(minutes) == 60)
    }
}
