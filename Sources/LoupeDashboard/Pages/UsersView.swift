/// What the users template shows.
struct UsersView: Sendable {
    struct Row: Sendable {
        var user: String
        var href: String
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

    var hasData: Bool
    var sorts: [ViewLink]
    var rows: [Row]
    var limit: Int
    var truncated: Bool
}
