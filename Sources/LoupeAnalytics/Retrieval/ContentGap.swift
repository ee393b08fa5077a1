/// One value of a dimension (a query category) and how often its requests' retrieval fell short:
/// what the knowledge base is missing, by seed 000's definition.
public struct ContentGap: Sendable, Hashable {
    /// The dimension's value; empty for requests without one.
    public var group: String
    /// Requests whose retrieval ran.
    public var requests: Int
    /// Retrieval returned nothing.
    public var empty: Int
    /// Retrieval returned documents, none scoring at least the report's ``RetrievalReport/minScore``.
    public var lowRelevance: Int
    /// A user said the answer was bad.
    public var negativeFeedback: Int
    /// Requests with any of the three.
    public var gaps: Int
    /// The mean best score of the requests' retrievals; nil when none is scored.
    public var meanTopScore: Double?
    /// A few of the gap requests, newest first, to open.
    public var exampleTraces: [String]

    /// The share of the requests that are gaps.
    public var gapShare: Double { requests == 0 ? 0 : Double(gaps) / Double(requests) }
}
