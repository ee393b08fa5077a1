/// What the trace template shows.
struct TraceView: Sendable {
    struct Row: Sendable {
        var spanId: String
        var href: String
        var indent: Int
        var name: String
        var operation: String
        var model: String
        var duration: String
        var tokens: String
        var cost: String
        var failed: Bool
        var selected: Bool
        var bar: String
    }

    struct Pair: Sendable {
        var key: String
        var value: String
    }

    struct SpanPanel: Sendable {
        var name: String
        var facts: [Pair]
        var failed: Bool
        var errorType: String
        var errorMessage: String
        var category: String
        var remediation: String
        var steps: [String]
        var content: [Pair]
        var hasContent: Bool
        var attributes: [Pair]
        var resource: [Pair]
    }

    var traceId: String
    var facts: [Pair]
    var stages: String
    var rows: [Row]
    var previousHref: String
    var nextHref: String
    var pageText: String
    var paged: Bool
    var span: SpanPanel
    var backHref: String
}
