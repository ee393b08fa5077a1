/// What the latency heatmap template shows: rows of a dimension's values, a cell per hour of day.
struct HeatmapView: Sendable {
    struct Cell: Sendable {
        var text: String
        var level: Int
        var tip: String
        var raw: String
    }

    struct Row: Sendable {
        var name: String
        var cells: [Cell]
    }

    struct Option: Sendable {
        var label: String
        var href: String
        var active: Bool
    }

    var hasData: Bool
    var by: String
    var unit: String
    var options: [Option]
    var hours: [String]
    var rows: [Row]
    var shortRange: Bool
    var longRangeHref: String
}
