import LoupeAnalytics
import LoupeCore

/// A trace's stage breakdown as one stacked bar: time per operation kind and the unaccounted rest
/// (network, queueing, glue code), largest first, with a legend of times and shares.
struct StageBar: Sendable {
    var breakdown: StageBreakdown

    func render() -> String {
        let total = breakdown.totalMs
        guard total > 0 else { return "<p class=\"muted\">No time to break down.</p>" }
        var parts = breakdown.byOperation.map { (name: $0.key.rawValue, ms: $0.value) }.filter { $0.ms > 0 }
        if breakdown.unaccountedMs > 0 { parts.append((name: "unaccounted", ms: breakdown.unaccountedMs)) }
        parts.sort { $0.ms > $1.ms }
        var x = 0.0
        var svg = "<svg class=\"stagebar\" viewBox=\"0 0 1000 18\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Stage breakdown\">"
        var legend = "<ul class=\"legend\">"
        for part in parts {
            let width = part.ms / total * 1000
            let share = DisplayFormat.percent(part.ms / total)
            let text = "\(part.name): \(DisplayFormat.duration(ms: part.ms)) (\(share))"
            svg += "<rect class=\"op-\(HTML.escape(part.name))\" x=\"\(TimeChart.fmt(x))\" y=\"0\" width=\"\(TimeChart.fmt(width))\" height=\"18\""
            svg += " data-tip=\"\(HTML.escape(text))\"/>"
            legend += "<li data-stage=\"\(HTML.escape(part.name))\" data-ms=\"\(part.ms)\"><span class=\"swatch op-\(HTML.escape(part.name))\"></span>"
            legend += "\(HTML.escape(text))</li>"
            x += width
        }
        return svg + "</svg>" + legend + "</ul>"
    }
}
