import LoupeCore
import LoupeStore

/// What prompt caching saved: cached input tokens priced at the input price minus the cached-input
/// price. Estimated with the catalog's prices at one instant (the end of the range), since rollups
/// keep token counts, not the price each call paid.
public struct CacheSavings: Sendable, Hashable {
    /// Dollars saved on the cached tokens of models the catalog prices in dollars.
    public var savedUSD: Double
    /// Cached input tokens that entered the estimate.
    public var pricedTokens: Int64
    /// Cached input tokens of models without a dollar price: their saving is unknown.
    public var unpricedTokens: Int64

    public init(savedUSD: Double = 0, pricedTokens: Int64 = 0, unpricedTokens: Int64 = 0) {
        self.savedUSD = savedUSD
        self.pricedTokens = pricedTokens
        self.unpricedTokens = unpricedTokens
    }

    /// From a summary grouped by provider and model.
    public init(byProviderAndModel groups: [SummaryGroup], catalog: PriceCatalog, atUnixNanos time: Int64) {
        self.init()
        for group in groups {
            let cached = group.measures.spans.cacheReadTokens
            guard cached > 0 else { continue }
            let model = group.key["model"] ?? ""
            let provider = group.key["provider"].flatMap { $0.isEmpty ? nil : $0 }
            guard !model.isEmpty, let price = catalog.price(provider: provider, model: model, atUnixNanos: time), price.unit == .usd
            else {
                unpricedTokens += cached
                continue
            }
            let discount = price.inputPerMillion - (price.cachedInputPerMillion ?? price.inputPerMillion)
            savedUSD += Double(cached) * max(discount, 0) / 1_000_000
            pricedTokens += cached
        }
    }
}
