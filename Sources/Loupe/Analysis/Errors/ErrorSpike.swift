/// One alert from ``ErrorSpikeDetector``: a kind of error reached its threshold within the window.
public struct ErrorSpike: Sendable, Hashable {
    /// The kind that spiked: an ``ErrorCategory`` raw value or an `error.type`, per ``grouping``.
    public var kind: String
    public var grouping: ErrorSpikeGrouping
    /// The category of the error that raised the alert.
    public var category: ErrorCategory
    /// Errors of this kind within the window when the alert was raised (the threshold).
    public var count: Int
    /// Errors of this kind that raised no alert since the previous one for it: how big the storm
    /// was that this detector kept quiet about.
    public var suppressedCount: Int
    public var window: Duration
    /// When the alert was raised, in nanoseconds since 1970.
    public var unixNanos: Int64
    /// The operation and model of the error that raised the alert.
    public var operation: String
    public var model: String?
    /// The message of that error with numbers and ids replaced by placeholders.
    public var template: String

    public init(
        kind: String, grouping: ErrorSpikeGrouping, category: ErrorCategory, count: Int, suppressedCount: Int,
        window: Duration, unixNanos: Int64, operation: String, model: String?, template: String
    ) {
        self.kind = kind
        self.grouping = grouping
        self.category = category
        self.count = count
        self.suppressedCount = suppressedCount
        self.window = window
        self.unixNanos = unixNanos
        self.operation = operation
        self.model = model
        self.template = template
    }

    var measurements: [String: Double] {
        [
            MeasurementKey.count: Double(count), MeasurementKey.threshold: Double(count),
            MeasurementKey.suppressedCount: Double(suppressedCount),
            MeasurementKey.windowSeconds: window.milliseconds / 1e3,
        ]
    }

    var metadata: [String: AttributeValue] {
        var metadata: [String: AttributeValue] = [
            LoupeAttributes.errorKind: .string(kind),
            LoupeAttributes.errorGrouping: .string(grouping.rawValue),
            LoupeAttributes.errorCategory: .string(category.rawValue),
            LoupeAttributes.errorAction: .string(category.recommendedAction.rawValue),
            LoupeAttributes.errorTemplate: .string(template),
            LoupeAttributes.analysisOperation: .string(operation),
        ]
        if let model { metadata[GenAIAttributes.requestModel] = .string(model) }
        return metadata
    }
}
