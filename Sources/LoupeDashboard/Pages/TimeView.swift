/// What the "where the time goes" template shows.
struct TimeView: Sendable {
    struct Operation: Sendable {
        var label: String
        var href: String
        var traces: Int64
        var active: Bool
    }

    struct Stage: Sendable {
        var stage: String
        var label: String
        var share: String
        var shareRaw: Double
        var mean: String
        var p50: String
        var p95: String
        var traces: Int
    }

    var hasData: Bool
    var operations: [Operation]
    var operation: String
    var sampled: Int
    var total: Int64
    var window: Int
    var p50: String
    var p95: String
    var callout: String
    var bar: String
    var stages: [Stage]
    var tracesHref: String
}
