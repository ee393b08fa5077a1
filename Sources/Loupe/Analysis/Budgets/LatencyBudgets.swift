/// Per-operation latency budgets: how long a call of each operation may take.
///
/// ```swift
/// var budgets = LatencyBudgets(default: .seconds(5))
/// budgets["chat gpt-4o-mini"] = .seconds(2)
/// budgets["retrieval pgvector.docs"] = .milliseconds(150)
/// ```
public struct LatencyBudgets: Sendable, Hashable {
    /// Budgets by operation name, as ``SpanOutcome/operation`` names operations.
    public var byOperation: [String: Duration]
    /// The budget of operations without their own; nil leaves them unbudgeted.
    public var defaultBudget: Duration?

    public init(_ byOperation: [String: Duration] = [:], default defaultBudget: Duration? = nil) {
        self.byOperation = byOperation
        self.defaultBudget = defaultBudget
    }

    /// The budget of `operation`, if it has one.
    public subscript(operation: String) -> Duration? {
        get { byOperation[operation] ?? defaultBudget }
        set { byOperation[operation] = newValue }
    }
}
