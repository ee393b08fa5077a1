import LoupeCore
import LoupeStore

/// An experiment seen in a range: its variants' request counts, and when it ran.
public struct ExperimentSummary: Sendable, Hashable {
    public var name: String
    public var requests: [String: Int64]
    public var firstNanos: Int64
    public var lastNanos: Int64

    public var totalRequests: Int64 { requests.values.reduce(0, +) }

    static func all(_ counts: [ExperimentVariantCount]) -> [ExperimentSummary] {
        var byName: [String: ExperimentSummary] = [:]
        for count in counts {
            var summary = byName[count.label.experiment]
                ?? ExperimentSummary(name: count.label.experiment, requests: [:], firstNanos: count.firstNanos, lastNanos: count.lastNanos)
            summary.requests[count.label.variant, default: 0] += count.traces
            summary.firstNanos = min(summary.firstNanos, count.firstNanos)
            summary.lastNanos = max(summary.lastNanos, count.lastNanos)
            byName[count.label.experiment] = summary
        }
        return byName.values.sorted { ($0.lastNanos, $1.name) > ($1.lastNanos, $0.name) }
    }
}
