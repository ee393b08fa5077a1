/// One UTC day of a range: who was active, who was new, and the trailing week's and month's actives.
public struct EngagementDay: Sendable, Hashable {
    /// Days since 1970-01-01.
    public var day: Int64
    public var activeUsers: Int
    /// Users whose first request ever was that day.
    public var newUsers: Int
    public var returningUsers: Int
    public var requests: Int
    /// Distinct users active in the seven days ending with this one.
    public var weeklyActiveUsers: Int
    /// Distinct users active in the thirty days ending with this one.
    public var monthlyActiveUsers: Int
}
