import LoupeCore
import LoupeStore

/// What a count, an error rate or a latency percentile is of. Every answer names its unit.
public enum CountUnit: String, Sendable, Hashable, CaseIterable {
    /// Entry spans: what a service was asked to do (see ``SpanRole/request``).
    case requests
    /// Model calls (see ``SpanRole/call``).
    case calls
    /// Any span.
    case spans

    /// Whether rollup rows of spans with this role count in this unit.
    public func includes(_ role: SpanRole) -> Bool {
        switch self {
        case .requests: return role.contains(.request)
        case .calls: return role.contains(.call)
        case .spans: return true
        }
    }

    /// The unit that fits a view over these dimensions: calls per model or provider, spans per
    /// operation or error category (every span has those), requests otherwise (per service, per
    /// user, in the totals).
    public static func fitting(_ dimensions: some Sequence<TelemetryDimension>) -> CountUnit {
        let dimensions = Set(dimensions)
        if dimensions.contains(.model) || dimensions.contains(.provider) { return .calls }
        if dimensions.contains(.operation) || dimensions.contains(.errorCategory) { return .spans }
        return .requests
    }
}
