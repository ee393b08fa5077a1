import LoupeCore
import LoupeStore

/// Retrieval steps as rows of `retrievals`, and back.
enum RetrievalRows {
    static func encode(_ steps: [Retrieval]) -> JSONEachRowWriter {
        var rows = JSONEachRowWriter()
        for step in steps {
            rows.beginRow()
            rows.field("trace_id", step.traceId)
            rows.field("span_id", step.spanId)
            rows.field("project", step.project)
            rows.field("start_ns", step.startNanos)
            rows.field("rerank", step.isRerank)
            rows.field("document_ids", step.documents.map { $0.id ?? "" })
            rows.field("document_has_id", step.documents.map { $0.id != nil })
            rows.field("document_scores", step.documents.map { $0.score ?? 0 })
            rows.field("document_has_score", step.documents.map { $0.score != nil })
            rows.endRow()
        }
        return rows
    }

    static func step(_ row: ClickHouseRow) -> Retrieval {
        let ids = row.strings("document_ids"), hasId = row.ints("document_has_id")
        let scores = row.doubles("document_scores"), hasScore = row.ints("document_has_score")
        let documents = ids.indices.map { i in
            RetrievedDocument(
                id: i < hasId.count && hasId[i] != 0 ? ids[i] : nil,
                score: i < scores.count && i < hasScore.count && hasScore[i] != 0 ? scores[i] : nil
            )
        }
        return Retrieval(
            traceId: row.string("trace_id") ?? "", spanId: row.string("span_id") ?? "", project: row.string("project") ?? "",
            startNanos: row.int("start_ns") ?? 0, isRerank: row.bool("rerank"), documents: documents
        )
    }
}
