/// The running retrieval handed to the body of
/// ``Telemetry/retrieval(dataSource:provider:model:topK:query:isolation:_:)``.
public struct RetrievalCall: Sendable {
    /// At most this many documents are listed on the span; the count covers them all.
    public static let maxRecordedDocuments = 100

    /// The underlying span, for attributes the helper does not cover.
    public let span: Span

    /// Records the documents returned, best first: `gen_ai.retrieval.documents` (`{id, score}`
    /// objects, no content), `loupe.document_count` and `loupe.top_score`.
    public func recordDocuments(_ documents: @autoclosure () -> [RetrievedDocument]) {
        guard span.isRecording else { return }
        let documents = documents()
        span.setAttribute(
            GenAIAttributes.retrievalDocuments,
            .array(documents.prefix(RetrievalCall.maxRecordedDocuments).map(\.attributeValue)))
        span.recordDocumentCount(documents.count, topScore: documents.compactMap(\.score).max())
    }
}

extension Span {
    /// Records how many documents a retrieval or rerank produced and the best score.
    func recordDocumentCount(_ count: Int, topScore: Double?) {
        setAttribute(LoupeAttributes.documentCount, .int(Int64(count)))
        setMeasurement(MeasurementKey.documentCount, Double(count))
        if let topScore {
            setAttribute(LoupeAttributes.topScore, .double(topScore))
            setMeasurement(LoupeAttributes.topScore, topScore)
        }
    }
}
