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

    var hasData: Bool
    var by: String
    var unit: String
    var options: [ViewLink]
    var hours: [String]
    var rows: [Row]
    var shortRange: Bool
    var longRangeHref: String
}
