import Foundation
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeAnalytics

/// Four weeks of users whose engagement is known; every expected value is from
/// References/engagement_reference.py (pandas), which builds the same requests.
struct EngagementTests {
    /// Monday 2026-11-02, in days since 1970-01-01.
    static let d0: Int64 = 20_759
    static let day = EngagementQuery.nanosPerDay
    static let range = TimeRange(fromNanos: d0 * day, toNanos: (d0 + 28) * day)

    static func store() async throws -> InMemoryTelemetryStore {
        var visits: [(user: String, day: Int64, j: Int)] = []
        for i in 0..<12 {
            var d = Int64((2 * i) % 14)
            let stop = min(28, d + 7 * Int64(1 + i % 3))
            while d < stop {
                for j in 0..<(1 + (i + Int(d)) % 3) { visits.append((String(format: "user-%02d", i), d, j)) }
                d += Int64(1 + i % 4)
            }
        }
        visits += [("old-a", -10, 0), ("old-a", 3, 0), ("old-b", -40, 0), ("old-b", 20, 0)]
        let spans = visits.enumerated().map { n, visit in
            let start = (d0 + visit.day) * day + 9 * 3_600_000_000_000 + Int64(visit.j) * 600_000_000_000
            return SpanRecord(
                traceId: String(format: "%032x", n + 1), spanId: "0000000000000001", project: "acme", service: "chat", name: "ask",
                startNanos: start, endNanos: start + 2_000_000_000, userId: visit.user, sessionId: "\(visit.user)-\(visit.day)"
            )
        }
        let store = InMemoryTelemetryStore()
        _ = try await store.write(spans)
        return store
    }

    @Test func activeNewAndReturningUsersMatchPandas() async throws {
        let report = try await TelemetryAnalytics(store: try await Self.store()).engagement(Self.range)
        let expected: [(Int, Int, Int, Int, Int)] = [
            (2, 2, 3, 2, 3), (1, 0, 2, 2, 3), (3, 2, 6, 4, 5), (3, 0, 5, 5, 5), (6, 2, 12, 7, 7), (2, 0, 5, 7, 7), (6, 2, 10, 9, 9),
            (2, 0, 2, 9, 9), (6, 2, 10, 11, 11), (3, 0, 7, 11, 11), (7, 1, 13, 11, 12), (2, 0, 3, 11, 12), (8, 1, 18, 12, 13),
            (3, 0, 5, 11, 13), (4, 0, 6, 11, 13), (4, 0, 8, 11, 13), (5, 0, 7, 11, 13), (2, 0, 3, 9, 13), (5, 0, 11, 9, 13),
            (3, 0, 5, 8, 13), (5, 0, 8, 9, 14), (2, 0, 5, 8, 14), (3, 0, 3, 8, 14), (0, 0, 0, 8, 14), (2, 0, 6, 8, 14),
            (0, 0, 0, 6, 14), (1, 0, 2, 6, 14), (0, 0, 0, 5, 14),
        ]
        #expect(report.days.count == 28 && report.days[0].day == Self.d0)
        for (day, want) in zip(report.days, expected) {
            #expect(day.activeUsers == want.0 && day.newUsers == want.1 && day.requests == want.2, "day \(day.day - Self.d0)")
            #expect(day.weeklyActiveUsers == want.3 && day.monthlyActiveUsers == want.4, "day \(day.day - Self.d0)")
            #expect(day.returningUsers == want.0 - want.1)
        }
        #expect(report.activeUsers == 14 && report.newUsers == 12 && report.returningUsers == 2)
        #expect(abs(report.dailyActiveUsers - 3.2142857142857144) < 1e-12)
        #expect(report.weeklyActiveUsers == 5 && report.monthlyActiveUsers == 14)
        #expect(abs((report.stickiness ?? 0) - 0.22959183673469388) < 1e-12)
    }

    @Test func sessionsAndCohortsMatchPandas() async throws {
        let report = try await TelemetryAnalytics(store: try await Self.store()).engagement(Self.range)
        let s = report.sessions
        #expect(s.sessions == 90)
        #expect(abs((s.sessionsPerUser ?? 0) - 6.428571428571429) < 1e-12)
        #expect(abs((s.requestsPerSessionMean ?? 0) - 1.8333333333333333) < 1e-12)
        #expect(s.requestsPerSessionP50 == 2 && s.requestsPerSessionP90 == 3)
        #expect(s.lengthP50Ms == 602_000 && s.lengthP90Ms == 1_202_000)
        #expect(report.cohorts.map(\.weekStartDay) == [Self.d0, Self.d0 + 7])
        #expect(report.cohorts.map(\.users) == [8, 4])
        #expect(report.cohorts[0].retained == [1.0, 0.875, 0.5, 0.25])
        #expect(report.cohorts[1].retained == [1.0, 1.0, 0.75])
    }

    @Test func anEmptyRangeIsRefusedAndAnEmptyStoreHasNoUsers() async throws {
        let analytics = TelemetryAnalytics(store: InMemoryTelemetryStore())
        await #expect(throws: AnalyticsError.emptyRange) { try await analytics.engagement(TimeRange(fromNanos: 5, toNanos: 5)) }
        let empty = try await analytics.engagement(Self.range)
        #expect(empty.activeUsers == 0 && empty.cohorts.isEmpty && empty.stickiness == nil && empty.sessions.sessions == 0)
        #expect(empty.days.count == 28)
    }
}
