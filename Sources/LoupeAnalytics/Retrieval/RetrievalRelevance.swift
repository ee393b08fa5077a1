/// How relevant a group of requests' retrieval was, and how much of it reached the prompt.
public struct RetrievalRelevance: Sendable, Hashable {
    /// The service or the step's first minute, depending on the view; empty overall.
    public var group: String
    public var requests: Int
    /// The mean of each request's best and of its mean document score; nil when none is scored.
    public var meanTopScore: Double?
    public var meanScore: Double?
    /// The share of requests whose best document scored below ``RetrievalReport/minScore``, or that found nothing.
    public var lowShare: Double
    /// The mean share of retrieved documents that reranking kept for the prompt, over the requests
    /// that rerank (``RetrievedRequest/contextUtilisation``); nil when none does.
    public var contextUtilisation: Double?
    public var rerankedRequests: Int
}
