extension MeasurementKey {
    /// Calls seen in the window.
    public static let count = "count"
    /// Failed calls (spans that ended with an `exception` event) in the window.
    public static let errorCount = "error_count"
    /// ``errorCount`` over ``count``, 0...1.
    public static let errorRate = "error_rate"
    /// Mean call duration, in milliseconds.
    public static let meanMs = "mean_ms"
    /// Longest call, in milliseconds (exact, not from the histogram).
    public static let maxMs = "max_ms"
    /// Median call duration, in milliseconds (within 1% of the true value).
    public static let p50Ms = "p50_ms"
    /// 95th percentile call duration, in milliseconds (within 1%).
    public static let p95Ms = "p95_ms"
    /// 99th percentile call duration, in milliseconds (within 1%).
    public static let p99Ms = "p99_ms"
    /// The window's length, in seconds.
    public static let windowSeconds = "window_seconds"
    /// The number that had to be reached for an alert.
    public static let threshold = "threshold"
    /// Occurrences of the same kind swallowed since the previous alert for it.
    public static let suppressedCount = "suppressed_count"
    /// A call's duration, in milliseconds.
    public static let durationMs = "duration_ms"
    /// The latency budget, in milliseconds.
    public static let budgetMs = "budget_ms"
    /// How far over budget a call was, in milliseconds.
    public static let overageMs = "overage_ms"
    /// How far over budget a call was, as a share of the budget (0.5 = 50% over).
    public static let overageRatio = "overage_ratio"
    /// Calls over budget in the window.
    public static let violationCount = "violation_count"
    /// Calls over budget over all calls in the window, 0...1.
    public static let overBudgetShare = "over_budget_share"
    /// The largest overage in the window, in milliseconds.
    public static let worstOverageMs = "worst_overage_ms"
    /// The largest overage in the window, as a share of the budget.
    public static let worstOverageRatio = "worst_overage_ratio"
    /// The 1-based position of a model in a router's chain for this call.
    public static let attempt = "attempt"
    /// Models a router passed over because their circuit was open.
    public static let skippedCount = "skipped_count"
    /// Failures in a row when a circuit opened.
    public static let consecutiveFailures = "consecutive_failures"
}
