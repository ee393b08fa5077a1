/// A request (trace) whose retrieval ran, as content-gap and relevance views read it: how much
/// its retrieval found, how relevant it was, how much of it reached the prompt, and how it ended.
public struct RetrievedRequest: Sendable, Hashable {
    public var traceId: String
    public var service: String
    public var startNanos: Int64
    /// The request's business dimensions (``TraceSummary/dimensions``), e.g. its `query_category`.
    public var dimensions: [String: String]
    /// Documents its retrieval steps returned; nil when only a reranking step reported its documents
    /// (a retrieval's are opt-in), which says nothing of what retrieval found.
    public var retrieved: Int?
    /// Documents its reranking steps kept for the prompt; nil when it has no reranking step.
    public var kept: Int?
    /// The best and the mean score of the retrieved documents; nil when none is scored.
    public var topScore: Double?
    public var meanScore: Double?
    public var failed: Bool
    /// Whether a user-feedback score of the request or its session ``Score/isNegative``.
    public var negativeFeedback: Bool

    public init(
        traceId: String, service: String, startNanos: Int64, dimensions: [String: String], retrieved: Int?, kept: Int?,
        topScore: Double?, meanScore: Double?, failed: Bool, negativeFeedback: Bool
    ) {
        self.traceId = traceId
        self.service = service
        self.startNanos = startNanos
        self.dimensions = dimensions
        self.retrieved = retrieved
        self.kept = kept
        self.topScore = topScore
        self.meanScore = meanScore
        self.failed = failed
        self.negativeFeedback = negativeFeedback
    }

    /// The share of retrieved documents that reached the prompt; nil without a reranking step or
    /// when retrieval reported nothing.
    public var contextUtilisation: Double? {
        guard let kept, let retrieved, retrieved > 0 else { return nil }
        return min(1, Double(kept) / Double(retrieved))
    }
}
