import Foundation

extension SpanRecord {
    /// The documents a retrieval or reranking span reports it returned, by convention: OTel GenAI's
    /// opt-in `gen_ai.retrieval.documents` (objects with `id` and `score`, as an array or a JSON
    /// string), OpenInference's flattened `retrieval.documents.<i>.document.{id,score}` (a
    /// reranker's `reranker.output_documents.<i>.document.{id,score}`), and OpenLLMetry's
    /// `db.query.result` events.
    ///
    /// Nil when the span reports none: OTel GenAI's documents are opt-in, so a retrieval that says
    /// nothing has not said it found nothing. An empty list (`[]`) does say so.
    public static func reportedDocuments(attributes: [String: AttributeValue], events: [SpanEvent]) -> [RetrievedDocument]? {
        switch attributes["gen_ai.retrieval.documents"] {
        case .array(let documents)?:
            return documents.compactMap { value in
                guard case .kvlist(let document) = value else { return nil }
                return RetrievedDocument(id: document["id"]?.stringValue, score: document["score"]?.doubleValue)
            }
        case .string(let text)?:
            if let documents = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] {
                return documents.map { document in
                    let id = document["id"].map { "\($0)" }
                    return RetrievedDocument(id: id, score: (document["score"] as? NSNumber)?.doubleValue)
                }
            }
        default: break
        }
        for prefix in ["reranker.output_documents.", "retrieval.documents."] {
            if let documents = flattenedDocuments(attributes, prefix: prefix) { return documents }
        }
        let results = events.filter { $0.name == "db.query.result" }
        guard !results.isEmpty else { return nil }
        return results.map {
            RetrievedDocument(id: $0.attributes["db.query.result.id"]?.stringValue, score: $0.attributes["db.query.result.score"]?.doubleValue)
        }
    }

    /// OpenInference's `<prefix><i>.document.id` and `.score`, in index order.
    private static func flattenedDocuments(_ attributes: [String: AttributeValue], prefix: String) -> [RetrievedDocument]? {
        var byIndex: [Int: RetrievedDocument] = [:]
        for (key, value) in attributes where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            guard let dot = rest.firstIndex(of: "."), let index = Int(rest[..<dot]) else { continue }
            var document = byIndex[index] ?? RetrievedDocument(id: nil, score: nil)
            switch rest[dot...] {
            case ".document.id": document.id = value.stringValue
            case ".document.score": document.score = value.doubleValue
            default: break
            }
            byIndex[index] = document
        }
        guard !byIndex.isEmpty else { return nil }
        return byIndex.keys.sorted().map { byIndex[$0]! }
    }

    /// The relevance scores of the documents a retrieval returned (``reportedDocuments(attributes:events:)``).
    public var retrievalScores: [Double] {
        (documents ?? Self.reportedDocuments(attributes: attributes, events: events))?.compactMap(\.score) ?? []
    }
}
