/// What the errors template shows.
struct ErrorsView: Sendable {
    struct Mode: Sendable {
        var fingerprint: String
        var href: String
        var message: String
        var errorType: String
        var count: Int
        var firstSeen: String
        var firstSeenISO: String
        var lastSeen: String
        var lastSeenISO: String
        var models: String?
        var services: String
        /// Nil when no failure carried a user.
        var users: String?
        /// A sparkline of the mode's failures over the range (our own SVG, numbers only).
        var trend: String
        var examples: [Example]
        var focused: Bool
    }

    struct Example: Sendable {
        var label: String
        var href: String
    }

    struct Category: Sendable {
        var name: String
        var title: String
        var count: Int
        var remediation: String
        var steps: [String]
        var modes: [Mode]
    }

    var chart: String
    var totalErrors: Int
    var rootCauses: Int
    var categories: [Category]
    var hasErrors: Bool
    var focused: Bool
    var allHref: String
    var truncated: Bool
    /// Failures no failed span explains (reported by metrics), said with their categories; empty otherwise.
    var failuresWithoutSpans: String
}
