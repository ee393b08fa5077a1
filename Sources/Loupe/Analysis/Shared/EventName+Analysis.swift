extension EventName {
    /// Emitted by ``PerformanceMonitor`` once per operation for every window that saw calls.
    /// Measurements: `count`, `error_count`, `error_rate`, `mean_ms`, `max_ms`, `p50_ms`, `p95_ms`,
    /// `p99_ms`, `window_seconds`. Metadata: `loupe.analysis.operation` and the window bounds.
    public static let performanceWindow: EventName = "loupe.analysis.performance.window"

    /// Emitted by ``ErrorSpikeDetector`` when one kind of error reaches its threshold within the
    /// window; at most once per kind per window.
    public static let errorSpike: EventName = "loupe.analysis.error.spike"

    /// Emitted by ``BudgetMonitor`` for every call slower than its operation's budget, in the
    /// context of the slow span so it can be correlated with its trace.
    public static let budgetViolation: EventName = "loupe.analysis.budget.violation"

    /// Emitted by ``BudgetMonitor`` once per budgeted operation for every window that saw calls.
    public static let budgetWindow: EventName = "loupe.analysis.budget.window"

    /// Emitted by ``ResourceSampler`` with the process's memory and CPU time.
    public static let processResources: EventName = "loupe.analysis.resource.process"

    /// Emitted by ``ResourceSampler`` once per GPU with its memory and utilisation.
    public static let gpuResources: EventName = "loupe.analysis.resource.gpu"

    /// Emitted by ``ReproCapture`` after it wrote a reproduction of a failed LLM call.
    public static let reproCaptured: EventName = "loupe.analysis.repro.captured"

    /// Emitted by ``ReproCapture`` when a reproduction could not be written (disk full, too large).
    public static let reproFailed: EventName = "loupe.analysis.repro.failed"
}
