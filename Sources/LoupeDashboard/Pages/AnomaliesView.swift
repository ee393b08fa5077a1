/// What the anomalies template shows.
struct AnomaliesView: Sendable {
    struct Item: Sendable {
        var summary: String
        var ongoing: Bool
        var severity: String
        var severityClass: String
        var when: String
        var confidence: String
        var drivers: [String]
        var hasDrivers: Bool
        var tracesHref: String?
        var chartId: String
    }

    struct Grouping: Sendable {
        var label: String
        var href: String
        var active: Bool
    }

    var baseline: String
    var ongoing: Int
    var total: Int
    var items: [Item]
    var hasAnomalies: Bool
    /// Whether any series had a baseline to be judged by.
    var judged: Bool
    var groupings: [Grouping]
    var charts: [String]
    var hasCharts: Bool
    var grouped: Bool
}
