/// What the experiments template shows.
struct ExperimentsView: Sendable {
    struct Chip: Sendable {
        var label: String
        var href: String
        var active: Bool
    }

    struct Variant: Sendable {
        var name: String
        var isControl: Bool
        var requests: String
        var units: String
        var success: String
        var errors: String
        var p50: String
        var p95: String
        var cost: String
        var scores: [String]
    }

    struct Row: Sendable {
        var measure: String
        var control: String
        var treatment: String
        var difference: String
        var interval: String
        var p: String
        /// `better`, `worse` or `same`, for the row's colour.
        var tone: String
        var test: String
    }

    struct Comparison: Sendable {
        var treatment: String
        var control: String
        var decision: String
        var decisionLabel: String
        var reason: String
        var rows: [Row]
        var power: String?
    }

    /// A score's mean overall and by latency bucket, with its correlation with latency.
    struct Quality: Sendable {
        var name: String
        var count: Int
        var mean: String
        var buckets: [Bucket]
        var latency: String?
    }

    struct Bucket: Sendable {
        var label: String
        var count: Int
        var mean: String
    }

    var chips: [Chip]
    var hasChips: Bool
    var quality: [Quality]
    var hasQuality: Bool
    var hasExperiments: Bool
    var name: String?
    var decision: String
    var decisionLabel: String
    var reason: String
    var scoreNames: [String]
    var variants: [Variant]
    var comparisons: [Comparison]
    var sampleRatio: String?
    var mismatch: Bool
    var truncated: Bool
    var otlpEndpoint: String
    /// Set when a comparison without an experiment found nothing to compare: what was looked for.
    var compareEmpty: String? = nil
    /// What the variant others are compared with is called: an experiment's control, or the
    /// baseline of a comparison of what ran.
    var controlLabel = "control"
}
