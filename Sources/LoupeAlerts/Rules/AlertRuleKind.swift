/// What a rule watches.
public enum AlertRuleKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A summary measure against a warning and a critical threshold, per group.
    case threshold
    /// Failures of one category in the window, against their own recent rate.
    case errorSpike = "error_spike"
    /// A failure mode (fingerprint) seen in the window and never before in the lookback.
    case newFailureMode = "new_failure_mode"
    /// A service that sent spans in the lookback and none in the window.
    case noData = "no_data"
    /// A series (its `metric`) that left its robust seasonal baseline and is still out of it.
    case anomaly
    /// Every budget's spend and projection (see ``AlertEvaluator/observation(_:rule:)``).
    case budget
}
