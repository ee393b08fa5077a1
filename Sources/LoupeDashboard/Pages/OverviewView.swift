/// What the overview template shows.
struct OverviewView: Sendable {
    struct Card: Sendable {
        var id: String
        var label: String
        var value: String
        /// The exact number behind `value`, for tests and copy-paste.
        var raw: String
        var delta: String
        var deltaClass: String
        var note: String
    }

    struct Ranked: Sendable {
        var name: String
        var href: String
        var value: String
        var raw: String
        var detail: String
    }

    struct Failure: Sendable {
        var category: String
        var message: String
        var count: Int
        var href: String
    }

    var hasData: Bool
    var unit: String
    var otlpEndpoint: String
    var otlpGRPC: String?
    var cards: [Card]
    var charts: [String]
    var failures: [Failure]
    var hasFailures: Bool
    /// Failures the range counts but no failed span explains (metrics report calls, not messages); empty otherwise.
    var failuresWithoutSpans: String
    /// Whether the failures were more than could be read, so the ranking is of the newest.
    var failuresSampled: Bool
    var errorsHref: String
    var models: [Ranked]
    var services: [Ranked]
    var users: [Ranked]
    var usersHref: String
}
