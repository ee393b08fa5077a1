import Hummingbird
import LoupeAnalytics
import LoupeDashboard

/// What `GET /api/v1/engagement` answers.
struct EngagementBody: ResponseEncodable, Sendable {
    struct Day: Encodable, Sendable {
        var date: String
        var activeUsers: Int
        var newUsers: Int
        var returningUsers: Int
        var requests: Int
        var weeklyActiveUsers: Int
        var monthlyActiveUsers: Int

        enum CodingKeys: String, CodingKey {
            case date, requests
            case activeUsers = "active_users", newUsers = "new_users", returningUsers = "returning_users"
            case weeklyActiveUsers = "weekly_active_users", monthlyActiveUsers = "monthly_active_users"
        }
    }

    struct Sessions: Encodable, Sendable {
        var sessions: Int
        /// True when the range held more requests with a session than the newest read.
        var sampled: Bool
        var sessionsPerUser: Nullable<Double>
        var requestsPerSession: [String: Nullable<Double>]
        var lengthMs: [String: Nullable<Double>]

        enum CodingKeys: String, CodingKey {
            case sessions, sampled, sessionsPerUser = "sessions_per_user", requestsPerSession = "requests_per_session", lengthMs = "length_ms"
        }
    }

    struct Cohort: Encodable, Sendable {
        var week: String
        var users: Int
        var retained: [Double]
    }

    var from: String
    var to: String
    var activeUsers: Int
    var newUsers: Int
    var returningUsers: Int
    var dailyActiveUsers: Double
    var weeklyActiveUsers: Int
    var monthlyActiveUsers: Int
    var stickiness: Nullable<Double>
    var days: [Day]
    var sessions: Sessions
    var cohorts: [Cohort]

    enum CodingKeys: String, CodingKey {
        case from, to, days, sessions, cohorts, stickiness
        case activeUsers = "active_users", newUsers = "new_users", returningUsers = "returning_users"
        case dailyActiveUsers = "daily_active_users", weeklyActiveUsers = "weekly_active_users", monthlyActiveUsers = "monthly_active_users"
    }

    init(_ r: EngagementReport) {
        from = Timestamps.format(nanos: r.range.fromNanos)
        to = Timestamps.format(nanos: r.range.toNanos)
        activeUsers = r.activeUsers
        newUsers = r.newUsers
        returningUsers = r.returningUsers
        dailyActiveUsers = r.dailyActiveUsers
        weeklyActiveUsers = r.weeklyActiveUsers
        monthlyActiveUsers = r.monthlyActiveUsers
        stickiness = Nullable(r.stickiness)
        days = r.days.map {
            Day(
                date: DisplayFormat.utcDate($0.day), activeUsers: $0.activeUsers, newUsers: $0.newUsers, returningUsers: $0.returningUsers,
                requests: $0.requests, weeklyActiveUsers: $0.weeklyActiveUsers, monthlyActiveUsers: $0.monthlyActiveUsers
            )
        }
        let s = r.sessions
        sessions = Sessions(
            sessions: s.sessions, sampled: s.sampled, sessionsPerUser: Nullable(s.sessionsPerUser),
            requestsPerSession: ["mean": Nullable(s.requestsPerSessionMean), "p50": Nullable(s.requestsPerSessionP50), "p90": Nullable(s.requestsPerSessionP90)],
            lengthMs: ["p50": Nullable(s.lengthP50Ms), "p90": Nullable(s.lengthP90Ms)]
        )
        cohorts = r.cohorts.map { Cohort(week: DisplayFormat.utcDate($0.weekStartDay), users: $0.users, retained: $0.retained) }
    }
}
