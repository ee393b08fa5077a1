/// One document a retrieval or reranking step returned, in the order it returned them (best first).
public struct RetrievedDocument: Sendable, Hashable {
    /// The knowledge base's id for the document; nil when the step did not say.
    public var id: String?
    /// Its relevance score on the step's own scale, higher more relevant (cosine similarity and most
    /// rerankers: 0…1); nil when the store returns none.
    public var score: Double?

    public init(id: String?, score: Double? = nil) {
        self.id = id
        self.score = score
    }
}
