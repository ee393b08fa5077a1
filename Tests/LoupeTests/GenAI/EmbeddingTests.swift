import Loupe
import LoupeTesting
import Testing

struct EmbeddingTests {
    @Test func recordsEmbeddingConventionsAndCost() async throws {
        let pricing = GenAIPricing(
            catalog: try PriceCatalog(entries: [
                ModelPrice(
                    provider: "openai", model: "text-embedding-3-small", inputPerMillion: 0.02, outputPerMillion: 0)
            ]))
        let harness = Harness(pricing: pricing)

        let vector = await harness.telemetry.embedding(provider: "openai", model: "text-embedding-3-small", inputCount: 2)
        { call in
            call.recordUsage(inputTokens: 500_000)
            call.recordDimensions(1_536)
            call.recordResponseModel("text-embedding-3-small")
            return [0.1, 0.2]
        }

        #expect(vector == [0.1, 0.2])
        let stop = try #require(harness.only(EventName.embedding.stop))
        #expect(stop.metadata[GenAIAttributes.operationName] == "embeddings")
        #expect(stop.metadata[GenAIAttributes.providerName] == "openai")
        #expect(stop.metadata[GenAIAttributes.requestModel] == "text-embedding-3-small")
        #expect(stop.metadata[GenAIAttributes.responseModel] == "text-embedding-3-small")
        #expect(stop.metadata[GenAIAttributes.usageInputTokens] == 500_000)
        #expect(stop.metadata[GenAIAttributes.embeddingsDimensionCount] == 1_536)
        #expect(stop.metadata[LoupeAttributes.embeddingInputCount] == 2)
        #expect(stop.metadata[LoupeAttributes.operationKind] == "embedding")
        #expect(stop.measurements[MeasurementKey.costUSD] == 0.01)
        #expect(stop.finishedSpan?.name == "embeddings text-embedding-3-small")
        #expect(stop.finishedSpan?.kind == .client)
    }
}
