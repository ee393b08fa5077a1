/// What a chart's values are, so its axis and tooltips carry the unit.
public enum ValueFormat: Sendable, Hashable {
    case count
    case durationMs
    case dollars
    case rate

    func text(_ value: Double?) -> String {
        switch self {
        case .count: return value.map(DisplayFormat.count) ?? "–"
        case .durationMs: return DisplayFormat.duration(ms: value)
        case .dollars: return value == nil ? "–" : DisplayFormat.dollars(value)
        case .rate: return DisplayFormat.percent(value)
        }
    }
}
