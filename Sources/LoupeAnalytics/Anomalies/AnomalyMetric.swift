import LoupeCore
import LoupeStore

/// A series the anomaly detector watches, per step of the query's unit (requests, calls or spans).
public enum AnomalyMetric: String, Sendable, Hashable, CaseIterable, Codable {
    /// Requests (or calls, or spans) per minute.
    case requests
    /// Failures per minute: per error category when grouped by it.
    case errors
    case errorRate = "error_rate"
    case latencyP95 = "latency_p95"
    /// Known cost per minute, USD.
    case costUSD = "cost_usd"
    case tokensPerRequest = "tokens_per_request"
    /// Time to first token of streamed calls, p95.
    case ttftP95 = "ttft_p95"

    /// Steps with fewer events than this leave a ratio or a percentile undefined: one slow call in
    /// three is not a latency incident.
    public static let minimumCount: Int64 = 10

    /// This metric's value for one step of `stepMinutes`; nil where it is undefined.
    public func value(_ measures: UnitMeasures, unit: CountUnit, stepMinutes: Int64) -> Double? {
        let m = measures[unit]
        let minutes = Double(max(stepMinutes, 1))
        switch self {
        case .requests: return Double(m.count) / minutes
        case .errors: return Double(m.errors) / minutes
        case .costUSD: return measures.spans.knownCostUSD.map { $0 / minutes }
        case .errorRate: return m.count >= Self.minimumCount ? m.errorRate : nil
        case .latencyP95: return m.count >= Self.minimumCount ? m.latency.quantile(0.95) : nil
        case .tokensPerRequest:
            return m.count >= Self.minimumCount ? Double(measures.spans.totalTokens) / Double(m.count) : nil
        case .ttftP95:
            let ttft = measures.spans.timeToFirstToken
            return ttft.count >= Self.minimumCount ? ttft.quantile(0.95) : nil
        }
    }

    /// The additive quantity a change of this metric is shared out by when it is attributed to
    /// dimension values: the extra requests, failures, dollars or tokens, and for percentiles the
    /// extra time spent, since a percentile does not add up across values.
    public func contribution(_ measures: UnitMeasures, unit: CountUnit) -> Double {
        let m = measures[unit]
        switch self {
        case .requests: return Double(m.count)
        case .errors, .errorRate: return Double(m.errors)
        case .costUSD: return measures.spans.costUSD
        case .tokensPerRequest: return Double(measures.spans.totalTokens)
        case .latencyP95: return m.durationSumMs
        case .ttftP95: return measures.calls.durationSumMs
        }
    }

    /// What the contribution counts, for the attribution sentence.
    public var contributionName: String {
        switch self {
        case .requests: return "requests"
        case .errors, .errorRate: return "failures"
        case .costUSD: return "cost"
        case .tokensPerRequest: return "tokens"
        case .latencyP95, .ttftP95: return "time spent"
        }
    }

    /// The smallest spread worth an alarm, in the metric's unit: below it a change is noise
    /// whatever the baseline's own spread says.
    var absoluteFloor: Double {
        switch self {
        case .requests, .errors: return 0.5
        case .errorRate: return 0.005
        case .latencyP95, .ttftP95: return 5
        case .costUSD: return 1e-4
        case .tokensPerRequest: return 5
        }
    }

    /// The metric, readably, in the unit it counts.
    public func label(unit: CountUnit) -> String {
        let one = String(unit.rawValue.dropLast())
        switch self {
        case .requests: return "\(unit.rawValue) per minute"
        case .errors: return "failures per minute"
        case .errorRate: return "error rate"
        case .latencyP95: return "p95 latency"
        case .costUSD: return "cost per minute"
        case .tokensPerRequest: return "tokens per \(one)"
        case .ttftP95: return "p95 time to first token"
        }
    }
}
