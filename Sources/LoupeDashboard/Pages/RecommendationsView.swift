/// What the recommendations template shows.
struct RecommendationsView: Sendable {
    struct Evidence: Sendable {
        var label: String
        var value: String
    }

    struct TraceLink: Sendable {
        var href: String
        var label: String
    }

    struct Item: Sendable {
        var kind: String
        var area: String
        var action: String
        var reason: String
        var saving: String?
        var latency: String?
        var confidence: String
        var confidenceClass: String
        var evidence: [Evidence]
        var traces: [TraceLink]
        var hasTraces: Bool
    }

    struct Chip: Sendable {
        var label: String
        var href: String
        var active: Bool
    }

    var basis: String
    var total: String
    var count: Int
    var faster: Int
    var kinds: [Chip]
    var items: [Item]
    var hasItems: Bool
    /// Less than an hour of data: a month's saving is an hour's rate.
    var young: Bool
    /// Dashboard filters this page does not apply, comma-separated; empty when none.
    var ignoredFilters: String?
    var hasData: Bool
}
