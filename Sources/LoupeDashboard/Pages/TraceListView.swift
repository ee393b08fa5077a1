/// What the trace list template shows.
struct TraceListView: Sendable {
    struct Row: Sendable {
        var href: String
        var time: String
        var iso: String
        var name: String
        var service: String
        var duration: String
        var durationMs: Double
        var spans: Int64
        var errors: Int64
        var failed: Bool
        var tokens: String
        var cost: String
        var costRaw: Double
        var user: String
        var session: String?
        var sessionHref: String?
    }

    var rows: [Row]
    var hasRows: Bool
    var statuses: [ViewLink]
    var limit: Int
    var truncated: Bool
    var otlpEndpoint: String
    var minMs: String
    var minCost: String
    /// The session the list is narrowed to, if any.
    var session: String?
    var allSessionsHref: String
    /// The page's other parameters, kept when the minimums are submitted.
    var hidden: [LayoutView.Field]
}
