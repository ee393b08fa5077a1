import LoupeStore

/// Seed 000's engagement: active users by day, week and month, new against returning, sessions,
/// and weekly retention cohorts.
public struct EngagementReport: Sendable, Hashable {
    public var range: TimeRange
    /// Every UTC day the range touches, oldest first.
    public var days: [EngagementDay]
    /// Distinct users active in the range.
    public var activeUsers: Int
    /// Of those, users whose first request ever falls in the range.
    public var newUsers: Int
    public var returningUsers: Int
    /// The mean of the days' active users.
    public var dailyActiveUsers: Double
    /// The last day's trailing week and month.
    public var weeklyActiveUsers: Int
    public var monthlyActiveUsers: Int
    /// Daily over monthly actives: the share of a month's users who come back on a given day.
    public var stickiness: Double?
    public var sessions: SessionStats
    public var cohorts: [RetentionCohort]

    static let week: Int64 = 7
    static let month: Int64 = 30

    /// Monday-based week of a day: 1970-01-01 was a Thursday, so day 4 starts week 1.
    static func week(of day: Int64) -> Int64 { (day + 3) >= 0 ? (day + 3) / 7 : (day + 3 - 6) / 7 }

    /// Marks the range's days whose trailing `window` days include `day`.
    private static func mark(_ covered: inout [Bool], activeOn day: Int64, window: Int64, firstDay: Int64) {
        let from = max(day, firstDay), to = min(day + window - 1, firstDay + Int64(covered.count) - 1)
        guard from <= to else { return }
        for d in from...to { covered[Int(d - firstDay)] = true }
    }

    init(range: TimeRange, userDays: [UserDay], sessions: [SessionShape]) {
        let firstDay = EngagementQuery.day(ofNanos: range.fromNanos), lastDay = EngagementQuery.day(ofNanos: range.toNanos - 1)
        let span = Int(lastDay - firstDay + 1)
        var active = [Int](repeating: 0, count: span), new = active, requests = active, weekly = active, monthly = active
        var byUser: [String: (first: Int64, days: [Int64])] = [:]
        for row in userDays.sorted(by: { ($0.userId, $0.day) < ($1.userId, $1.day) }) {
            byUser[row.userId, default: (row.firstSeenDay, [])].days.append(row.day)
            guard row.day >= firstDay, row.day <= lastDay else { continue }
            let i = Int(row.day - firstDay)
            active[i] += 1
            requests[i] += row.requests
            if row.firstSeenDay == row.day { new[i] += 1 }
        }
        var inRange = 0, newInRange = 0
        var cohortMembers: [Int64: [Set<Int64>]] = [:]
        for (_, user) in byUser {
            // Each day a user is active counts them in the week and month that end on each later day it reaches.
            var coveredWeek = [Bool](repeating: false, count: span), coveredMonth = coveredWeek
            var activeInRange = false
            for day in user.days {
                if day >= firstDay && day <= lastDay { activeInRange = true }
                Self.mark(&coveredWeek, activeOn: day, window: Self.week, firstDay: firstDay)
                Self.mark(&coveredMonth, activeOn: day, window: Self.month, firstDay: firstDay)
            }
            for i in 0..<span {
                if coveredWeek[i] { weekly[i] += 1 }
                if coveredMonth[i] { monthly[i] += 1 }
            }
            if activeInRange { inRange += 1 }
            if user.first >= firstDay && user.first <= lastDay {
                newInRange += 1
                cohortMembers[Self.week(of: user.first), default: []].append(Set(user.days.map(Self.week(of:))))
            }
        }
        self.range = range
        days = (0..<span).map { i in
            EngagementDay(
                day: firstDay + Int64(i), activeUsers: active[i], newUsers: new[i], returningUsers: active[i] - new[i], requests: requests[i],
                weeklyActiveUsers: weekly[i], monthlyActiveUsers: monthly[i]
            )
        }
        activeUsers = inRange
        newUsers = newInRange
        returningUsers = inRange - newInRange
        dailyActiveUsers = span > 0 ? Double(active.reduce(0, +)) / Double(span) : 0
        weeklyActiveUsers = weekly.last ?? 0
        monthlyActiveUsers = monthly.last ?? 0
        stickiness = monthlyActiveUsers > 0 ? dailyActiveUsers / Double(monthlyActiveUsers) : nil
        self.sessions = SessionStats(sessions)
        let lastWeek = Self.week(of: lastDay)
        cohorts = cohortMembers.keys.sorted().map { week in
            let members = cohortMembers[week] ?? []
            let retained = (0...max(0, lastWeek - week)).map { k in
                Double(members.count { $0.contains(week + k) }) / Double(max(1, members.count))
            }
            return RetentionCohort(weekStartDay: week * 7 - 3, users: members.count, retained: retained)
        }
    }
}
