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
                return RetrievedDocument(id: documentId(document["id"]), score: document["score"]?.doubleValue)
            }
        case .string(let text)?:
            if let documents = try? JSONDecoder().decode([JSONDocument].self, from: Data(text.utf8)) {
                return documents.map { RetrievedDocument(id: $0.id, score: $0.score) }
            }
        default: break
        }
        for prefix in ["reranker.output_documents.", "retrieval.documents."] {
            if let documents = flattenedDocuments(attributes, prefix: prefix) { return documents }
        }
        let results = events.filter { $0.name == "db.query.result" }
        guard !results.isEmpty else { return nil }
        return results.map {
            RetrievedDocument(id: documentId($0.attributes["db.query.result.id"]), score: $0.attributes["db.query.result.score"]?.doubleValue)
        }
    }

    /// A document id: a string or an integer (OpenInference allows both); anything else names none.
    private static func documentId(_ value: AttributeValue?) -> String? {
        switch value {
        case .string(let text)?: return text.isEmpty ? nil : text
        case .int(let number)?: return String(number)
        default: return nil
        }
    }

    /// One document of `gen_ai.retrieval.documents` sent as JSON text: an id is a string or a
    /// number (null, booleans and objects name no document), a score a number.
    private struct JSONDocument: Decodable {
        var id: String?
        var score: Double?

        enum CodingKeys: String, CodingKey { case id, score }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = (try? c.decode(String.self, forKey: .id)) ?? (try? c.decode(Int64.self, forKey: .id)).map(String.init)
            score = try? c.decode(Double.self, forKey: .score)
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
            case ".document.id": document.id = documentId(value)
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
