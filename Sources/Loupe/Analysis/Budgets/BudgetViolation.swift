/// One call that took longer than its operation's budget.
public struct BudgetViolation: Sendable, Hashable {
    public var operation: String
    public var model: String?
    public var durationMs: Double
    public var budgetMs: Double
    /// The call ended in an error (slow failures such as timeouts count against budgets too).
    public var failed: Bool
    /// The span that was slow.
    public var spanContext: SpanContext?

    public init(
        operation: String, model: String? = nil, durationMs: Double, budgetMs: Double, failed: Bool = false,
        spanContext: SpanContext? = nil
    ) {
        self.operation = operation
        self.model = model
        self.durationMs = durationMs
        self.budgetMs = budgetMs
        self.failed = failed
        self.spanContext = spanContext
    }

    /// How much longer than the budget the call took, in milliseconds.
    public var overageMs: Double {
        durationMs - budgetMs
    }

    /// The overage as a share of the budget: 0.5 means 50% over, 2 means three times the budget.
    public var overageRatio: Double {
        budgetMs > 0 ? overageMs / budgetMs : .infinity
    }

    var measurements: [String: Double] {
        [
            MeasurementKey.durationMs: durationMs, MeasurementKey.budgetMs: budgetMs,
            MeasurementKey.overageMs: overageMs, MeasurementKey.overageRatio: overageRatio,
        ]
    }

    var metadata: [String: AttributeValue] {
        var metadata: [String: AttributeValue] = [LoupeAttributes.analysisOperation: .string(operation)]
        if let model { metadata[GenAIAttributes.requestModel] = .string(model) }
        return metadata
    }
}
