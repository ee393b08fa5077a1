import LoupeAnalytics
import LoupeCore

/// Time per stage as one stacked bar, largest first, with a legend of times and shares: one
/// trace's breakdown, or a root operation's across its traces.
struct StageBar: Sendable {
    var parts: [(stage: String, ms: Double)]

    init(parts: [(stage: String, ms: Double)]) {
        self.parts = parts.filter { $0.ms > 0 }.sorted { $0.ms > $1.ms }
    }

    /// A trace's breakdown: operation kinds and the unaccounted rest (network, queueing, glue code).
    init(breakdown: StageBreakdown) {
        self.init(parts: breakdown.byOperation.map { ($0.key.rawValue, $0.value) } + [("unaccounted", breakdown.unaccountedMs)])
    }

    /// Seed 000's names for the stages of a GenAI request.
    static func label(_ stage: String) -> String {
        switch stage {
        case "embedding": return "embedding generation"
        case "retrieval": return "vector search"
        case "llm": return "LLM completion"
        case "rerank": return "reranking"
        case "tool": return "tool calls"
        case "stage", "chain": return "context building and other steps"
        case "unaccounted": return "network / IO (unaccounted)"
        default: return stage
        }
    }

    func render() -> String {
        let total = parts.reduce(0) { $0 + $1.ms }
        guard total > 0 else { return "<p class=\"muted\">No time to break down.</p>" }
        var x = 0.0
        var svg = "<svg class=\"stagebar\" viewBox=\"0 0 1000 18\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Stage breakdown\">"
        var legend = "<ul class=\"legend\">"
        for part in parts {
            let width = part.ms / total * 1000
            let text = "\(Self.label(part.stage)): \(DisplayFormat.duration(ms: part.ms)) (\(DisplayFormat.percent(part.ms / total)))"
            let stage = HTML.escape(part.stage)
            svg += "<rect class=\"op-\(stage)\" x=\"\(TimeChart.fmt(x))\" y=\"0\" width=\"\(TimeChart.fmt(width))\" height=\"18\""
            svg += " data-tip=\"\(HTML.escape(text))\"/>"
            legend += "<li data-stage=\"\(stage)\" data-ms=\"\(part.ms)\"><span class=\"swatch op-\(stage)\"></span>\(HTML.escape(text))</li>"
            x += width
        }
        return svg + "</svg>" + legend + "</ul>"
    }
}
