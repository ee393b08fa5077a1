/// A small bar chart of counts over equal slices of the range, for a table cell: a failure
/// mode's trend shows at a glance whether it is new, steady, growing or over.
struct Sparkline: Sendable {
    var values: [Int]
    /// What one bar counts, for the accessible label ("failures").
    var noun: String

    func render() -> String {
        guard !values.isEmpty else { return "" }
        let peak = max(values.max() ?? 0, 1)
        let width = 4
        let height = 18
        let total = values.reduce(0, +)
        // Only numbers go into this markup; the label is built from our own noun and counts.
        var svg = "<svg class=\"spark\" viewBox=\"0 0 \(values.count * width) \(height)\" width=\"\(values.count * width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(total) \(noun), peak \(peak) per slice\">"
        for (i, value) in values.enumerated() where value > 0 {
            let h = max(1, Int((Double(value) / Double(peak) * Double(height)).rounded()))
            svg += "<rect x=\"\(i * width)\" y=\"\(height - h)\" width=\"\(width - 1)\" height=\"\(h)\"><title>\(value)</title></rect>"
        }
        return svg + "</svg>"
    }
}
