import LoupeCore
import Testing

/// What retrieval steps returned and which prompt version ran, read from each convention's shape.
struct DocumentsAndPromptVersionTests {
    static func documents(_ attributes: [String: AttributeValue], events: [SpanEvent] = []) -> [RetrievedDocument]? {
        SpanRecord.reportedDocuments(attributes: attributes, events: events)
    }

    @Test func documentsKeepTheirOrderInEveryConvention() {
        let otel = Self.documents(["gen_ai.retrieval.documents": .array([.kvlist(["id": "a", "score": 0.9]), .kvlist(["id": "b", "score": 0.2])])])
        #expect(otel == [RetrievedDocument(id: "a", score: 0.9), RetrievedDocument(id: "b", score: 0.2)])
        // Some SDKs send the opt-in attribute as JSON text; ids may be numbers there.
        #expect(Self.documents(["gen_ai.retrieval.documents": #"[{"id":7,"score":0.5},{"id":"c"},{"id":null},{"id":true,"score":"x"}]"#])
            == [RetrievedDocument(id: "7", score: 0.5), RetrievedDocument(id: "c"), RetrievedDocument(id: nil), RetrievedDocument(id: nil)])
        #expect(Self.documents(["gen_ai.retrieval.documents": .array([.kvlist(["id": true, "score": 0.1])])]) == [RetrievedDocument(id: nil, score: 0.1)])
        // OpenInference flattens by index; 10 sorts after 2 as a number, not as text.
        var flattened: [String: AttributeValue] = [:]
        for i in [0, 2, 10] {
            flattened["retrieval.documents.\(i).document.id"] = .string("d\(i)")
            flattened["retrieval.documents.\(i).document.score"] = .double(Double(i))
            flattened["retrieval.documents.\(i).document.content"] = "text"
        }
        #expect(Self.documents(flattened)?.map(\.id) == ["d0", "d2", "d10"])
        #expect(Self.documents(["reranker.output_documents.0.document.id": "r", "reranker.input_documents.0.document.id": "x"])?.map(\.id) == ["r"])
        let results = [
            SpanEvent(name: "db.query.result", timeNanos: 0, attributes: ["db.query.result.id": "v1", "db.query.result.score": 0.4]),
            SpanEvent(name: "db.query.result", timeNanos: 1, attributes: ["db.query.result.id": "v2"]),
        ]
        #expect(Self.documents([:], events: results) == [RetrievedDocument(id: "v1", score: 0.4), RetrievedDocument(id: "v2", score: nil)])
    }

    @Test func anEmptyListSaysNothingWasFoundAndNoListSaysNothing() {
        #expect(Self.documents(["gen_ai.retrieval.documents": .array([])]) == [])
        #expect(Self.documents(["gen_ai.retrieval.documents": "[]"]) == [])
        #expect(Self.documents(["gen_ai.data_source.id": "kb"]) == nil)
        #expect(Self.documents(["gen_ai.retrieval.documents": "not json"]) == nil)
    }

    @Test func theNormalizerReadsDocumentsOfRetrievalAndRerankSpansOnly() {
        let normalizer = SpanNormalizer(options: .default)
        func raw(_ attributes: [String: AttributeValue]) -> RawSpan {
            RawSpan(traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", name: "x", kind: .client, startNanos: 1, endNanos: 2,
                    attributes: attributes, resourceAttributes: ["service.name": "svc"])
        }
        let documents: AttributeValue = .array([.kvlist(["id": "a", "score": 0.9])])
        #expect(normalizer.normalize(raw(["gen_ai.operation.name": "retrieval", "gen_ai.retrieval.documents": documents])).documents?.count == 1)
        #expect(normalizer.normalize(raw(["openinference.span.kind": "RERANKER", "reranker.output_documents.0.document.id": "a"])).documents?.count == 1)
        #expect(normalizer.normalize(raw(["gen_ai.operation.name": "chat", "gen_ai.retrieval.documents": documents])).documents == nil)
    }

    @Test func promptVersionsAreReadFromEveryConventionAndNamedWithTheirPrompt() {
        func version(_ attributes: [String: AttributeValue], dimensions: [String: String] = [:]) -> String? {
            SpanRecord(traceId: "t", spanId: "s", name: "x", startNanos: 0, endNanos: 1, dimensions: dimensions, attributes: attributes).promptVersion
        }
        #expect(version(["gen_ai.prompt.name": "answer", "gen_ai.prompt.version": "3"]) == "answer@3")
        #expect(version(["llm.prompt_template.version": "v2"]) == "v2")
        #expect(version(["traceloop.prompt.key": "summary", "traceloop.prompt.version": 7]) == "summary@7")
        #expect(version(["langfuse.prompt.name": "qa", "langfuse.prompt.version": 12]) == "qa@12")
        #expect(version(["prompt_engineering_version": "2024-11"]) == "2024-11")
        #expect(version([:], dimensions: ["prompt_engineering_version": "p9"]) == "p9")
        #expect(version(["gen_ai.prompt.version": ""]) == nil && version([:]) == nil)
    }

    @Test func aPromptsNameAndVersionAreLabelsNotContent() {
        #expect(!ConventionTable.isContent("gen_ai.prompt.version") && !ConventionTable.isContent("gen_ai.prompt.name"))
        #expect(ConventionTable.isContent("gen_ai.prompt.0.content") && ConventionTable.isContent("gen_ai.prompt.variable.user"))
    }
}
