import LoupeCore
import LoupeStore

extension TelemetryAnalytics {
    /// Thirty days: a month's actives need a month.
    public static let defaultEngagementRangeSeconds: Int64 = 30 * 86_400

    /// Engagement over a range: its days' active users (with the 29 days before it read too, so its
    /// first day's monthly actives are whole), sessions, and retention cohorts.
    ///
    /// Users' days come from the per-user rollups (a user's row holds ten minutes, so a range that
    /// ends mid-row counts that row's requests whole); first requests and sessions from the store.
    public func engagement(_ range: TimeRange, project: String? = nil) async throws -> EngagementReport {
        guard range.fromNanos < range.toNanos else { throw AnalyticsError.emptyRange }
        let firstDay = EngagementQuery.day(ofNanos: range.fromNanos)
        let lookback = (firstDay - EngagementReport.month + 1) * EngagementQuery.nanosPerDay
        let query = EngagementQuery(fromNanos: range.fromNanos, toNanos: range.toNanos, project: project)
        async let firstRead = store.firstRequests(query)
        async let sessionsRead = store.sessionShapes(query)
        var filters: [TelemetryDimension: String] = [:]
        filters[.project] = project
        let minutesPerDay: Int64 = 1_440
        let origin = lookback / 60_000_000_000
        let (_, rows) = try await rollups(
            TimeRange(fromNanos: lookback, toNanos: range.toNanos), groupBy: [.user], filters: filters,
            merge: RollupMerge(stepMinutes: minutesPerDay, originMinute: origin, keeping: [.user], latency: false)
        )
        let first = try await firstRead
        var requests: [String: [Int64: Int]] = [:]
        for row in rows where row.key.role.contains(.request) && !row.key.user.isEmpty && row.measures.count > 0 {
            let day = origin / minutesPerDay + (row.key.minute - origin) / minutesPerDay
            requests[row.key.user, default: [:]][day, default: 0] += Int(row.measures.count)
        }
        let userDays = requests.flatMap { user, days in
            let firstDay = first[user].map(EngagementQuery.day(ofNanos:)) ?? .min
            return days.map { UserDay(userId: user, day: $0.key, requests: $0.value, firstSeenDay: firstDay) }
        }
        return EngagementReport(range: range, userDays: userDays, sessions: try await sessionsRead)
    }
}
