import Loupe
import LoupeTesting
import Testing

struct RerankTests {
    @Test func recordsResultsAndPerRequestPrice() async throws {
        let pricing = GenAIPricing(
            catalog: try PriceCatalog(entries: [
                ModelPrice(
                    provider: "cohere", model: "rerank-v3.5", inputPerMillion: 0, outputPerMillion: 0,
                    perRequest: 0.002)
            ]))
        let harness = Harness(pricing: pricing)

        await harness.telemetry.rerank(provider: "cohere", model: "rerank-v3.5", documentCount: 20, topN: 2) { call in
            call.recordResults([RerankResult(index: 4, score: 0.97), RerankResult(index: 0, score: 0.42)])
        }

        let stop = try #require(harness.only(EventName.rerank.stop))
        #expect(stop.metadata[GenAIAttributes.operationName] == "rerank")
        #expect(stop.metadata[GenAIAttributes.providerName] == "cohere")
        #expect(stop.metadata[GenAIAttributes.requestModel] == "rerank-v3.5")
        #expect(stop.metadata[GenAIAttributes.requestTopK] == 2)
        #expect(stop.metadata[LoupeAttributes.rerankInputDocuments] == 20)
        #expect(
            stop.metadata[LoupeAttributes.rerankResults]
                == .array([.kvlist(["index": 4, "score": 0.97]), .kvlist(["index": 0, "score": 0.42])]))
        #expect(stop.metadata[LoupeAttributes.topScore] == 0.97)
        #expect(stop.metadata[LoupeAttributes.operationKind] == "rerank")
        #expect(stop.metadata[LoupeAttributes.costUSD] == 0.002)
        #expect(stop.finishedSpan?.name == "rerank rerank-v3.5")
    }
}
