import Loupe
import LoupeTesting
import Testing

struct RetrievalTests {
    @Test func recordsDataSourceDocumentsAndScores() async throws {
        let harness = Harness()

        await harness.telemetry.retrieval(
            dataSource: "pgvector.docs", provider: "pgvector", model: "text-embedding-3-small", topK: 3,
            query: "where is my order?"
        ) { call in
            call.recordDocuments([
                RetrievedDocument(id: "doc-1", score: 0.91), RetrievedDocument(id: "doc-7", score: 0.84),
                RetrievedDocument(id: "doc-3"),
            ])
        }

        let stop = try #require(harness.only(EventName.retrieval.stop))
        #expect(stop.metadata[GenAIAttributes.operationName] == "retrieval")
        #expect(stop.metadata[GenAIAttributes.dataSourceID] == "pgvector.docs")
        #expect(stop.metadata[GenAIAttributes.providerName] == "pgvector")
        #expect(stop.metadata[GenAIAttributes.requestTopK] == 3)
        #expect(
            stop.metadata[GenAIAttributes.retrievalDocuments]
                == .array([
                    .kvlist(["id": "doc-1", "score": 0.91]), .kvlist(["id": "doc-7", "score": 0.84]),
                    .kvlist(["id": "doc-3"]),
                ]))
        #expect(stop.metadata[LoupeAttributes.documentCount] == 3)
        #expect(stop.metadata[LoupeAttributes.topScore] == 0.91)
        #expect(stop.measurements[MeasurementKey.documentCount] == 3)
        #expect(stop.metadata[GenAIAttributes.retrievalQueryText] == nil)
        #expect(stop.finishedSpan?.name == "retrieval pgvector.docs")
    }

    @Test func queryIsCapturedRedactedWhenEnabled() async throws {
        let harness = Harness(contentCapture: .redacted())

        await harness.telemetry.retrieval(dataSource: "kb", query: "orders for bob@example.org") { _ in }

        let stop = try #require(harness.only(EventName.retrieval.stop))
        #expect(stop.metadata[GenAIAttributes.retrievalQueryText] == "orders for [EMAIL]")
    }
}
