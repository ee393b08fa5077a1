import Foundation
import LoupeCore
import Testing

private let now = nanos("2026-11-01")

/// The shipped `Resources/prices.json`, loaded through `Bundle.module` as production does.
@Suite struct BuiltInPriceCatalogTests {
    @Test func loadsFromTheBundleWithTheCheckedDate() throws {
        let catalog = try PriceCatalog.builtIn()
        #expect(catalog.pricesCheckedOn == "2026-11")
    }

    @Test func pricesAtLeastSixtyModels() throws {
        #expect(try PriceCatalog.builtIn().modelCount >= 60)
    }

    @Test func everyEntryIsValid() throws {
        let catalog = try PriceCatalog.builtIn()
        // Rebuilding through the validating initialiser re-checks every field, date and name.
        let rebuilt = try PriceCatalog(entries: catalog.entries, pricesCheckedOn: catalog.pricesCheckedOn)
        #expect(rebuilt == catalog)
        for entry in catalog.entries {
            #expect(entry.inputPerMillion >= 0 && entry.outputPerMillion >= 0, "\(entry.provider)/\(entry.model)")
            #expect(entry.effectiveFromUnixNanos != nil, "\(entry.provider)/\(entry.model)")
            #expect(entry.contextWindow.map { $0 > 0 } ?? true, "\(entry.provider)/\(entry.model)")
            // Chat models charge for output; a zero there is a typo, not a price.
            if entry.kind == .chat { #expect(entry.outputPerMillion > 0, "\(entry.provider)/\(entry.model)") }
            if entry.kind == .embedding { #expect(entry.outputPerMillion == 0, "\(entry.provider)/\(entry.model)") }
            // A cache hit is never dearer than a miss.
            if let cached = entry.cachedInputPerMillion {
                #expect(cached <= entry.inputPerMillion, "\(entry.provider)/\(entry.model)")
            }
        }
    }

    @Test func coversEveryProviderLoupeNormalisesTo() throws {
        let providers = Set(try PriceCatalog.builtIn().entries.map(\.provider))
        for provider in [
            "openai", "anthropic", "gcp.gemini", "gcp.vertex_ai", "mistral_ai", "cohere", "aws.bedrock", "groq",
            "together", "fireworks", "deepseek", "x_ai", "snowflake.cortex",
        ] {
            #expect(providers.contains(provider), "\(provider)")
        }
    }

    @Test func snowflakeCortexIsPricedInCreditsOnly() throws {
        let cortex = try PriceCatalog.builtIn().entries.filter { $0.provider == "snowflake.cortex" }
        #expect(cortex.count >= 10)
        #expect(cortex.allSatisfy { $0.unit == .credits })
        #expect(try PriceCatalog.builtIn().entries.filter { $0.unit == .credits }.allSatisfy { $0.provider == "snowflake.cortex" })
    }

    @Test func hasRealPriceHistory() throws {
        let catalog = try PriceCatalog.builtIn()
        let gpt4o = catalog.entries.filter { $0.provider == "openai" && $0.model == "gpt-4o" }
        #expect(gpt4o.map(\.effectiveFrom).sorted() == ["2024-05-13", "2024-08-06"])
        // 2024-07-01T00:00:00Z = 1,719,792,000 s: before the reduction
        #expect(catalog.price(provider: "openai", model: "gpt-4o", atUnixNanos: 1_719_792_000 * 1_000_000_000)?.inputPerMillion == 5)
        #expect(catalog.price(provider: "openai", model: "gpt-4o", atUnixNanos: now)?.inputPerMillion == 2.5)
    }

    /// Real names as SDKs and instrumentations send them → the catalog entry they must price as.
    @Test(arguments: [
        (nil, "gpt-4o", "openai", "gpt-4o"),
        (nil, "GPT-4o", "openai", "gpt-4o"),
        (nil, "gpt-4o-2024-08-06", "openai", "gpt-4o"),
        (nil, "gpt-4o-2024-05-13", "openai", "gpt-4o-2024-05-13"),
        (nil, "gpt-4o-mini-2024-07-18", "openai", "gpt-4o-mini"),
        (nil, "gpt-4.1-nano-2025-04-14", "openai", "gpt-4.1-nano"),
        (nil, "o3-mini-2025-01-31", "openai", "o3-mini"),
        (nil, "o4-mini", "openai", "o4-mini"),
        (nil, "gpt-5-mini-2025-08-07", "openai", "gpt-5-mini"),
        ("openai", "text-embedding-3-small", "openai", "text-embedding-3-small"),
        (nil, "openai/gpt-4o", "openai", "gpt-4o"),
        ("openai.chat", "gpt-4o", "openai", "gpt-4o"),
        ("azure.ai.openai", "gpt-4o", "openai", "gpt-4o"),
        (nil, "claude-3-5-sonnet-20241022", "anthropic", "claude-3-5-sonnet"),
        (nil, "claude-3-5-sonnet-latest", "anthropic", "claude-3-5-sonnet"),
        (nil, "claude-3.5-sonnet", "anthropic", "claude-3-5-sonnet"),
        (nil, "claude-sonnet-4-20250514", "anthropic", "claude-sonnet-4"),
        (nil, "claude-opus-4-20250514", "anthropic", "claude-opus-4"),
        (nil, "claude-opus-4-1-20250805", "anthropic", "claude-opus-4-1"),
        (nil, "claude-haiku-4-5-20251001", "anthropic", "claude-haiku-4-5"),
        ("aws.bedrock", "anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic", "claude-3-5-sonnet"),
        ("aws.bedrock", "us.anthropic.claude-3-7-sonnet-20250219-v1:0", "anthropic", "claude-3-7-sonnet"),
        ("gcp.vertex_ai", "claude-3-5-sonnet-v2@20241022", "anthropic", "claude-3-5-sonnet"),
        ("anthropic", "claude-3-5-sonnet", "anthropic", "claude-3-5-sonnet"),
        ("snowflake.cortex", "claude-3-5-sonnet", "snowflake.cortex", "claude-3-5-sonnet"),
        (nil, "models/gemini-1.5-pro", "gcp.gemini", "gemini-1.5-pro"),
        ("gcp.vertex_ai", "gemini-1.5-pro-002", "gcp.gemini", "gemini-1.5-pro"),
        ("gcp.gemini", "gemini-2.0-flash-lite-001", "gcp.gemini", "gemini-2.0-flash-lite"),
        ("gcp.gemini", "gemini-2.5-flash", "gcp.gemini", "gemini-2.5-flash"),
        ("gcp.vertex_ai", "text-embedding-004", "gcp.vertex_ai", "text-embedding-004"),
        ("mistral_ai", "mistral-large-latest", "mistral_ai", "mistral-large"),
        ("mistral_ai", "codestral-2501", "mistral_ai", "codestral"),
        ("mistral_ai", "mistral-embed", "mistral_ai", "mistral-embed"),
        ("snowflake.cortex", "mistral-large2", "snowflake.cortex", "mistral-large2"),
        ("cohere", "command-r-plus-08-2024", "cohere", "command-r-plus"),
        ("cohere", "embed-english-v3.0", "cohere", "embed-english-v3.0"),
        ("cohere", "rerank-english-v3.0", "cohere", "rerank-english-v3.0"),
        ("aws.bedrock", "us.amazon.nova-pro-v1:0", "aws.bedrock", "amazon.nova-pro-v1:0"),
        ("aws.bedrock", "amazon.titan-embed-text-v2:0", "aws.bedrock", "amazon.titan-embed-text-v2:0"),
        ("aws.bedrock", "meta.llama3-1-70b-instruct-v1:0", "aws.bedrock", "meta.llama3-1-70b-instruct-v1:0"),
        ("groq", "llama-3.3-70b-versatile", "groq", "llama-3.3-70b-versatile"),
        ("together", "meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo", "together", "meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo"),
        ("fireworks", "accounts/fireworks/models/llama-v3p1-70b-instruct", "fireworks", "llama-v3p1-70b-instruct"),
        ("deepseek", "deepseek-chat", "deepseek", "deepseek-chat"),
        ("x_ai", "grok-3-mini-beta", "x_ai", "grok-3-mini"),
        ("x_ai", "grok-4-0709", "x_ai", "grok-4"),
        ("snowflake.cortex", "snowflake-arctic", "snowflake.cortex", "snowflake-arctic"),
        ("snowflake.cortex", "llama3.1-70b", "snowflake.cortex", "llama3.1-70b"),
        ("snowflake.cortex", "e5-base-v2", "snowflake.cortex", "e5-base-v2"),
    ] as [(String?, String, String, String)])
    func realNamesResolve(provider: String?, model: String, expectedProvider: String, expectedModel: String) throws {
        let price = try PriceCatalog.builtIn().price(provider: provider, model: model, atUnixNanos: now)
        #expect(price?.provider == expectedProvider)
        #expect(price?.model == expectedModel)
    }

    @Test(arguments: [
        (nil, "gpt-4o-realtime-preview"),
        (nil, "o1-mini"),
        (nil, "ft:gpt-4o-mini-2024-07-18:acme::abc123"),
        ("snowflake.cortex", "gpt-4o"),
        (nil, "my-company-llm"),
    ] as [(String?, String)])
    func modelsItDoesNotKnowStayUnpriced(provider: String?, model: String) throws {
        #expect(try PriceCatalog.builtIn().price(provider: provider, model: model, atUnixNanos: now) == nil)
    }

    @Test func cortexCostEndToEnd() throws {
        // llama3.1-70b on Cortex: 1.21 credits per million tokens, input and output alike.
        // (800,000 + 200,000) × 1.21 / 1,000,000 = 1.21 credits × $2.50 = $3.025
        let price = try #require(
            try PriceCatalog.builtIn().price(provider: "snowflake.cortex", model: "llama3.1-70b", atUnixNanos: now))
        let cost = CostCalculator(creditPriceUSD: 2.5).cost(of: TokenUsage(input: 800_000, output: 200_000), at: price)
        #expect(abs(cost - 3.025) < 1e-12)
    }
}
