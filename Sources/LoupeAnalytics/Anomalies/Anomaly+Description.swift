import Foundation
import LoupeCore

extension Anomaly {
    /// One line a person reads first: "cost per minute +340% since 14:05 UTC (expected $0.41);
    /// 82% of the increase is user u-123 on gpt-4o".
    public func sentence(unit: CountUnit) -> String {
        var text = metric.label(unit: unit)
        if !key.isEmpty { text += " of " + Self.describe(key) }
        if let change {
            // Ten times and more reads better as a factor: "×37", not "+3600%".
            let factor = (change + 1).rounded()
            text += factor >= 10 ? String(format: " ×%.0f", factor) : " \(change >= 0 ? "+" : "−")\(Self.percent(abs(change)))"
        } else {
            text += " \(direction == .spike ? "up" : "down") to \(metric.format(observed))"
        }
        text += " \(ongoing ? "since" : "at") \(Self.clock(start)) UTC (expected \(metric.format(expected)), saw \(metric.format(observed)))"
        if let lead = AnomalyAttribution.headline(attribution) {
            let change = direction == .spike ? "increase" : "drop"
            text += "; \(Self.percent(min(lead.share, 1))) of the \(change) in \(metric.contributionName) is \(Self.describe(lead.key))"
        }
        return text
    }

    /// "user u-123 on gpt-4o", "model gpt-4o".
    public static func describe(_ key: [String: String]) -> String {
        let order = ["user", "service", "operation", "provider", "model", "error_category"]
        let names = key.keys.sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
        return names.enumerated().map { i, name in
            let value = key[name].flatMap { $0.isEmpty ? nil : $0 } ?? "(none)"
            return i == 0 ? "\(name) \(value)" : (name == "model" ? "on \(value)" : "\(name) \(value)")
        }.joined(separator: " ")
    }

    static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }

    static func clock(_ unixSeconds: Int64) -> String {
        let seconds = ((unixSeconds % 86_400) + 86_400) % 86_400
        return String(format: "%02d:%02d", seconds / 3_600, seconds % 3_600 / 60)
    }
}

extension AnomalyMetric {
    /// A value of this metric, with its unit.
    public func format(_ value: Double) -> String {
        switch self {
        case .requests, .errors: return value >= 10 ? String(format: "%.0f/min", value) : String(format: "%.1f/min", value)
        case .errorRate: return String(format: "%.1f%%", value * 100)
        case .latencyP95, .ttftP95: return value >= 1_000 ? String(format: "%.2f s", value / 1_000) : String(format: "%.0f ms", value)
        case .costUSD: return value >= 1 ? String(format: "$%.2f/min", value) : String(format: "$%.4f/min", value)
        case .tokensPerRequest: return String(format: "%.0f", value)
        }
    }
}
