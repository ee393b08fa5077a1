import LoupeCore

/// One trace as the trace list shows it, kept up to date as its spans arrive.
public struct TraceSummary: Sendable, Hashable {
    public var traceId: String
    public var project: String
    public var service: String
    /// Nil until the root span (the one without a parent) has arrived.
    public var rootName: String?
    public var startNanos: Int64
    public var endNanos: Int64
    public var spanCount: Int64
    public var errorCount: Int64
    /// Failed model calls in the trace (``SpanRole/call`` spans that failed), recovered or not.
    public var failedCalls: Int64
    public var inputTokens: Int64
    public var outputTokens: Int64
    public var costUSD: Double
    public var userId: String?
    /// The conversation or session the trace belongs to, from the first span that names one.
    public var sessionId: String?
    /// The experiment and variant the trace ran under, from the first span that names one.
    public var experiment: ExperimentLabel?
    /// The model a generating call of the trace asked for (embeddings and reranking aside), the
    /// first such call to arrive: what compares models without a declared experiment.
    public var model: String?
    /// The prompt version of the first span to arrive that names one (``SpanRecord/promptVersion``).
    public var promptVersion: String?
    /// The business dimensions its spans carry, the first value of each winning.
    public var dimensions: [String: String]

    public init(
        traceId: String, project: String, service: String, rootName: String?, startNanos: Int64, endNanos: Int64,
        spanCount: Int64, errorCount: Int64, failedCalls: Int64 = 0, inputTokens: Int64, outputTokens: Int64, costUSD: Double, userId: String?,
        sessionId: String? = nil, experiment: ExperimentLabel? = nil, model: String? = nil, promptVersion: String? = nil,
        dimensions: [String: String] = [:]
    ) {
        self.sessionId = sessionId
        self.experiment = experiment
        self.model = model
        self.promptVersion = promptVersion
        self.dimensions = dimensions
        self.traceId = traceId
        self.project = project
        self.service = service
        self.rootName = rootName
        self.startNanos = startNanos
        self.endNanos = endNanos
        self.spanCount = spanCount
        self.errorCount = errorCount
        self.failedCalls = failedCalls
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.costUSD = costUSD
        self.userId = userId
    }

    public var durationMs: Double { Double(endNanos - startNanos) / 1_000_000 }

    /// Folds a later part of the same trace into this one; the root span's name and service win.
    public mutating func merge(_ other: TraceSummary) {
        if other.rootName != nil {
            rootName = other.rootName
            service = other.service
        }
        startNanos = min(startNanos, other.startNanos)
        endNanos = max(endNanos, other.endNanos)
        spanCount += other.spanCount
        errorCount += other.errorCount
        failedCalls += other.failedCalls
        inputTokens += other.inputTokens
        outputTokens += other.outputTokens
        costUSD += other.costUSD
        userId = userId ?? other.userId
        sessionId = sessionId ?? other.sessionId
        experiment = experiment ?? other.experiment
        model = model ?? other.model
        promptVersion = promptVersion ?? other.promptVersion
        if !other.dimensions.isEmpty { dimensions.merge(other.dimensions) { held, _ in held } }
    }
}
