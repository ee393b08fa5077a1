/// One reranked document: its position in the input list and its relevance score.
public struct RerankResult: Sendable, Hashable {
    /// The document's index in the list sent to the reranker.
    public var index: Int
    public var score: Double

    public init(index: Int, score: Double) {
        self.index = index
        self.score = score
    }

    var attributeValue: AttributeValue {
        .kvlist(["index": .int(Int64(index)), "score": .double(score)])
    }
}
