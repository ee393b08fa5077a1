import Loupe
import LoupeTesting
import Testing

/// The pipeline from ``Telemetry``'s documentation, with stand-ins for the services.
struct RAGPipelineTests {
    struct Hit {
        var id: String
        var score: Double
    }

    func answer(_ question: String) async throws -> String {
        let t = Telemetry.current
        return try await t.stage("rag.answer", kind: .chain) { _ in
            let vector = await t.embedding(provider: "openai", model: "text-embedding-3-small") { call in
                call.recordUsage(inputTokens: 12)
                return [0.1, 0.2, 0.3]
            }
            let hits = await t.retrieval(dataSource: "pgvector.docs", topK: 2) { call in
                let hits = [Hit(id: "a", score: 0.9), Hit(id: "b", score: 0.7)].prefix(vector.count - 1)
                call.recordDocuments(hits.map { RetrievedDocument(id: $0.id, score: $0.score) })
                return hits
            }
            return try await t.llmCall(LLMRequest(provider: "openai", model: "gpt-4o-mini")) { call in
                try Task.checkCancellation()
                call.recordInput([.user("\(question) \(hits.map(\.id))")])
                call.recordResponse(model: "gpt-4o-mini-2024-07-18", finishReasons: ["stop"])
                call.recordUsage(TokenUsage(input: 1_000, output: 100))
                return "42"
            }
        }
    }

    @Test func everyStepNestsUnderTheRequestAndIsPriced() async throws {
        let recorder = TelemetryRecorder()
        let pricing = try GenAIPricing.builtIn()
        let telemetry = Telemetry.recorded(into: recorder, configuration: .init(pricing: pricing))

        let reply = try await withTelemetry(telemetry) { try await answer("meaning?") }

        #expect(reply == "42")
        let spans = recorder.finishedSpans
        let root = try #require(spans.first { $0.name == "rag.answer" })
        #expect(
            Set(spans.filter { $0.parentSpanID == root.context.spanID }.map(\.name))
                == ["embeddings text-embedding-3-small", "retrieval pgvector.docs", "chat gpt-4o-mini"])
        let llm = try #require(recorder.events(named: EventName.llmCall.stop).first)
        #expect((llm.measurements[MeasurementKey.costUSD] ?? 0) > 0)
        #expect(recorder.events(matching: .prefix(.loupe)).count == 8)
    }
}
