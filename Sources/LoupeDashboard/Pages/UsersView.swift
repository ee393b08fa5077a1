/// What the users template shows.
struct UsersView: Sendable {
    struct Row: Sendable {
        var user: String
        var href: String
        var sessionsHref: String
        var tracesHref: String
        var requests: Int64
        var errors: Int64
        var errorRate: String
        var errorRateRaw: String
        var cost: String
        var costRaw: String
        var tokens: String
        var tokensRaw: Int64
        var p95: String
        var p95Raw: String
    }

    struct Session: Sendable {
        var id: String
        var href: String
        var started: String
        var startedISO: String
        var duration: String
        var durationMs: Double
        var traces: Int
        var failed: Int
        var cost: String
        var costRaw: Double
    }

    struct Card: Sendable {
        var id: String
        var label: String
        var value: String
    }

    struct Cohort: Sendable {
        var week: String
        var users: Int
        var retained: [String]
    }

    var hasData: Bool
    /// Engagement over the range (all users, whatever the user filter).
    var engagement: [Card]
    var cohorts: [Cohort]
    var cohortWeeks: [String]
    var hasCohorts: Bool
    var sorts: [ViewLink]
    var rows: [Row]
    var limit: Int
    var truncated: Bool
    /// The user the page is filtered to, whose sessions it lists.
    var user: String?
    var sessions: [Session]
    var sessionsTruncated: Bool
}
