import Foundation
import LoupeCore
import Testing

private let now: Int64 = 1_793_491_200 * 1_000_000_000  // 2026-11-01T00:00:00Z

/// A trimmed copy of LiteLLM's `model_prices_and_context_window.json`, odd entries included.
private let liteLLMSample = """
    {
      "sample_spec": {
        "input_cost_per_token": 0.0, "output_cost_per_token": 0.0,
        "litellm_provider": "one of https://docs.litellm.ai/docs/providers",
        "max_input_tokens": "max input tokens, if the provider specifies it. if not default to max_tokens",
        "mode": "one of: chat, embedding, completion, image_generation"
      },
      "gpt-4o": {
        "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05, "cache_read_input_token_cost": 1.25e-06,
        "litellm_provider": "openai", "max_input_tokens": 128000, "max_output_tokens": 16384, "mode": "chat"
      },
      "azure/gpt-4o": {
        "input_cost_per_token": 2.75e-06, "output_cost_per_token": 1.1e-05,
        "litellm_provider": "azure", "max_input_tokens": 128000, "mode": "chat"
      },
      "claude-3-5-sonnet-20241022": {
        "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
        "cache_read_input_token_cost": 3e-07, "cache_creation_input_token_cost": 3.75e-06,
        "litellm_provider": "anthropic", "max_input_tokens": 200000, "max_output_tokens": 8192, "mode": "chat"
      },
      "anthropic.claude-3-haiku-20240307-v1:0": {
        "input_cost_per_token": 2.5e-07, "output_cost_per_token": 1.25e-06,
        "litellm_provider": "bedrock", "max_input_tokens": 200000, "mode": "chat"
      },
      "gemini/gemini-1.5-flash": {
        "input_cost_per_token": 7.5e-08, "output_cost_per_token": 3e-07,
        "litellm_provider": "gemini", "max_input_tokens": 1048576, "mode": "chat"
      },
      "text-embedding-3-small": {
        "input_cost_per_token": 2e-08, "output_cost_per_token": 0.0,
        "litellm_provider": "openai", "max_input_tokens": 8191, "mode": "embedding"
      },
      "cohere/rerank-english-v3.0": {
        "input_cost_per_query": 0.002, "input_cost_per_token": 0.0, "output_cost_per_token": 0.0,
        "litellm_provider": "cohere", "max_input_tokens": 4096, "mode": "rerank"
      },
      "1024-x-1024/dall-e-2": {
        "input_cost_per_pixel": 1.9e-08, "output_cost_per_pixel": 0.0,
        "litellm_provider": "openai", "mode": "image_generation"
      },
      "whisper-1": {
        "input_cost_per_second": 0.0001, "output_cost_per_second": 0.0001,
        "litellm_provider": "openai", "mode": "audio_transcription"
      },
      "broken-entry": {
        "input_cost_per_token": "cheap", "litellm_provider": "openai", "mode": "chat"
      },
      "not-an-object": 42
    }
    """

@Suite struct LiteLLMImporterTests {
    let catalog: PriceCatalog

    init() throws {
        catalog = try PriceCatalog(liteLLMJSON: Data(liteLLMSample.utf8))
    }

    @Test func keepsOnlyEntriesWithTokenOrQueryPrices() {
        // Kept: gpt-4o, azure/gpt-4o, claude, bedrock haiku, gemini flash, embedding, rerank = 7.
        // Skipped: sample_spec (by name), dall-e (pixels), whisper (seconds), broken-entry, not-an-object.
        #expect(catalog.modelCount == 7)
        #expect(!catalog.entries.contains { $0.model.contains("sample_spec") || $0.model.contains("dall-e") })
    }

    @Test func convertsPerTokenCostsToPerMillionPrices() throws {
        let price = try #require(catalog.price(provider: "openai", model: "gpt-4o", atUnixNanos: now))
        // 2.5e-06 $/token × 1,000,000 = $2.50; 1e-05 → $10; 1.25e-06 → $1.25
        #expect(price.inputPerMillion == 2.5)
        #expect(price.outputPerMillion == 10)
        #expect(price.cachedInputPerMillion == 1.25)
        #expect(price.contextWindow == 128_000)
        #expect(price.maxOutputTokens == 16_384)
        #expect(price.kind == .chat)
        #expect(price.unit == .usd)
        #expect(price.effectiveFrom == "1970-01-01")
    }

    @Test func mapsCacheCreationToCacheWrite() throws {
        let price = try #require(catalog.price(provider: "anthropic", model: "claude-3-5-sonnet-20241022", atUnixNanos: now))
        #expect(price.cacheWritePerMillion == 3.75)
        #expect(price.cachedInputPerMillion == 0.3)
    }

    @Test func canonicalisesProvidersAndStripsTheirPrefixes() throws {
        let azure = try #require(catalog.price(provider: "azure.ai.openai", model: "gpt-4o", atUnixNanos: now))
        #expect(azure.provider == "azure.ai.openai")
        #expect(azure.model == "gpt-4o")
        #expect(azure.inputPerMillion == 2.75)
        let gemini = try #require(catalog.price(provider: "gcp.gemini", model: "gemini-1.5-flash-002", atUnixNanos: now))
        #expect(gemini.model == "gemini-1.5-flash")
        let bedrock = try #require(
            catalog.price(provider: "aws.bedrock", model: "us.anthropic.claude-3-haiku-20240307-v1:0", atUnixNanos: now))
        #expect(bedrock.provider == "aws.bedrock")
    }

    @Test func importsEmbeddingAndRerankPrices() throws {
        let embedding = try #require(catalog.price(provider: nil, model: "text-embedding-3-small", atUnixNanos: now))
        #expect(embedding.kind == .embedding)
        #expect(embedding.inputPerMillion == 0.02)
        let rerank = try #require(catalog.price(provider: "cohere", model: "rerank-english-v3.0", atUnixNanos: now))
        #expect(rerank.kind == .rerank)
        #expect(rerank.perRequest == 0.002)
    }

    @Test func canServeAsOverrides() throws {
        let merged = try PriceCatalog.builtIn().merging(overrides: catalog)
        #expect(merged.price(provider: "azure.ai.openai", model: "gpt-4o", atUnixNanos: now)?.inputPerMillion == 2.75)
        #expect(merged.price(provider: "snowflake.cortex", model: "llama3.1-70b", atUnixNanos: now)?.unit == .credits)
    }

    @Test(arguments: ["[]", "not json", "42"])
    func refusesDocumentsThatAreNotAnObject(json: String) {
        #expect(throws: PriceCatalogError.self) { try PriceCatalog(liteLLMJSON: Data(json.utf8)) }
    }
}
