import Foundation
import LoupeAnalytics

extension AlertRule {
    /// What the rule watches, in one line for a person: the CLI's check and the alerts page say it alike.
    public var condition: String {
        func number(_ value: Double) -> String { String(format: "%g", value) }
        switch kind {
        case .threshold:
            let bounds = [warning.map { "warning \(number($0))" }, critical.map { "critical \(number($0))" }].compactMap { $0 }
            return "\(measure?.rawValue ?? "?") \(op.rawValue) \(bounds.joined(separator: ", "))"
        case .errorSpike:
            return "\(category ?? "?") failures ≥ \(number(warning ?? critical ?? 0)) and ×\(number(factor)) their usual rate"
        case .newFailureMode:
            return "a failure mode unseen in the previous \(lookbackSeconds / 3_600) h"
        case .noData:
            return "a service silent after sending in the previous \(lookbackSeconds / 60) min"
        case .anomaly:
            let bounds = [warning.map { "warning \(number($0))" }, critical.map { "critical \(number($0))" }].compactMap { $0 }
            return "\(metric?.rawValue ?? "?") out of its usual range" + (bounds.isEmpty ? "" : " (severity \(bounds.joined(separator: ", ")))")
        case .budget:
            let bounds = [warning.map { "warning \(number($0 * 100))%" }, critical.map { "critical \(number($0 * 100))%" }].compactMap { $0 }
            return bounds.isEmpty ? "a budget 50% or 80% spent, projected to exceed, or exceeded" : "a budget's spend at \(bounds.joined(separator: ", "))"
        }
    }
}
