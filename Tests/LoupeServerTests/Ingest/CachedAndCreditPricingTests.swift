import Foundation
import LoupeCore
import LoupeStoreSQLite
import Testing

@Suite("Cached tokens and Snowflake Cortex credits are priced as billed")
struct CachedAndCreditPricingTests {
    @Test func cachedInputAndCortexCreditsMatchHandComputedCosts() async throws {
        let cached = ConventionFixtures.span("80000000000000000000000000000008", "8000000000000001", "chat gpt-4o", at: 0, ms: 500, [
            "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o",
            "gen_ai.usage.input_tokens": 1_000, "gen_ai.usage.cache_read.input_tokens": 400, "gen_ai.usage.output_tokens": 10,
        ], service: "rag")
        // The demo's Cortex calls: OpenLLMetry legacy keys with `gen_ai.system = snowflake`.
        let cortex = ConventionFixtures.span("90000000000000000000000000000009", "9000000000000001", "snowflake.cortex.complete", at: 0, ms: 800, [
            "gen_ai.system": "snowflake", "llm.request.type": "chat", "gen_ai.request.model": "mistral-large2",
            "gen_ai.usage.prompt_tokens": 2_000_000, "gen_ai.usage.completion_tokens": 1_000_000,
        ], service: "summarizer")
        let body = try LiveServer.protobuf([cached, cortex])
        try await LiveServer.run { client, store in
            _ = try await LiveServer.post(client, body)
            let priced = try await store.spans(traceId: cached.traceId).first
            // 600 uncached × $2.50/M + 400 cached × $1.25/M + 10 × $10/M = $0.0015 + $0.0005 + $0.0001.
            #expect(abs((priced?.costUSD ?? 0) - 0.0021) < 1e-12)
            let credits = try await store.spans(traceId: cortex.traceId).first
            // 3M tokens × 1.95 credits/M = 5.85 credits × $3 per credit (the default) = $17.55.
            #expect(credits?.provider == "snowflake.cortex")
            #expect(abs((credits?.costUSD ?? 0) - 17.55) < 1e-9)
            #expect(abs((credits?.attributes["loupe.context_utilisation"]?.doubleValue ?? 0) - 2_000_000.0 / 128_000) < 1e-9)
        }
    }
}
