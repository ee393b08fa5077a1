/// A document a retrieval returned: its id in the data source and its similarity score.
public struct RetrievedDocument: Sendable, Hashable {
    public var id: String
    /// Higher is more relevant; nil when the store returns no score.
    public var score: Double?

    public init(id: String, score: Double? = nil) {
        self.id = id
        self.score = score
    }

    /// The `{id, score}` object `gen_ai.retrieval.documents` holds.
    var attributeValue: AttributeValue {
        var object: [String: AttributeValue] = ["id": .string(id)]
        if let score { object["score"] = .double(score) }
        return .kvlist(object)
    }
}
