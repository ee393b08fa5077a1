import LoupeAnalytics
import LoupeCore
import LoupeStore
import Testing

struct CacheSavingsTests {
    static func group(provider: String, model: String, cached: Int64) -> SummaryGroup {
        var measures = UnitMeasures()
        measures.spans.cacheReadTokens = cached
        return SummaryGroup(key: ["provider": provider, "model": model], measures: measures)
    }

    /// 2024-12-01, when gpt-4o costs $2.50 per million input tokens and $1.25 cached, and
    /// claude-3-5-haiku $0.80 and $0.08.
    static let december2024: Int64 = 1_733_011_200_000_000_000

    @Test func cachedTokensAreWorthTheInputPriceMinusTheCachedPrice() throws {
        let savings = CacheSavings(
            byProviderAndModel: [
                Self.group(provider: "openai", model: "gpt-4o-2024-08-06", cached: 2_000_000),
                Self.group(provider: "anthropic", model: "claude-3-5-haiku-20241022", cached: 1_000_000),
                Self.group(provider: "openai", model: "gpt-4o", cached: 0),
                Self.group(provider: "acme", model: "house-model", cached: 500),
            ],
            catalog: try PriceCatalog.builtIn(), atUnixNanos: Self.december2024
        )
        // 2M × $1.25/M + 1M × $0.72/M
        #expect(abs(savings.savedUSD - 3.22) < 1e-9)
        #expect(savings.pricedTokens == 3_000_000)
        #expect(savings.unpricedTokens == 500)
    }
}
