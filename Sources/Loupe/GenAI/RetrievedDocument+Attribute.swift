// The SDK records LoupeCore's `RetrievedDocument`, the same value the server reads back from spans.

extension RetrievedDocument {
    /// The `{id, score}` object `gen_ai.retrieval.documents` holds.
    var attributeValue: AttributeValue {
        var object: [String: AttributeValue] = [:]
        if let id { object["id"] = .string(id) }
        if let score { object["score"] = .double(score) }
        return .kvlist(object)
    }
}
