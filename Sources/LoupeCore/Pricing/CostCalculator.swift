/// Turns token counts and a ``ModelPrice`` into US dollars.
///
/// Token counts follow the OpenTelemetry GenAI conventions: `input` includes cached tokens, with
/// `cacheRead` and `cacheWrite` as subsets of it, and `reasoning` is a subset of `output` (billed
/// as output, never twice). So the bill is:
///
/// ```
/// uncached input = input − cacheRead − cacheWrite        (never below 0)
/// amount = (uncached × input price
///         + cacheRead × cached-input price  (input price when the model has none)
///         + cacheWrite × cache-write price  (input price when the model has none)
///         + output × output price) ÷ 1,000,000
///         + per-request fee
/// cost = amount                      for dollar prices
///      = amount × creditPriceUSD     for credit prices (Snowflake Cortex)
/// ```
public struct CostCalculator: Sendable, Hashable {
    /// Dollars per Snowflake credit. It depends on edition, region and contract, so it is
    /// configuration, not catalog data.
    public var creditPriceUSD: Double

    /// - Parameter creditPriceUSD: dollars per Snowflake credit; the default is the on-demand
    ///   Enterprise price in AWS US regions.
    public init(creditPriceUSD: Double = 3.0) {
        self.creditPriceUSD = creditPriceUSD
    }

    /// The cost in dollars of one call with `usage` at `price`.
    ///
    /// Unreported counts bill nothing. When only the total and one side are reported, the other
    /// side is the difference, so spans that report `total` and `input` still price their output.
    /// Negative counts (corrupt telemetry) bill nothing.
    public func cost(of usage: TokenUsage, at price: ModelPrice) -> Double {
        var input = usage.input
        var output = usage.output
        if let total = usage.total {
            if input == nil, let output { input = total - output }
            if output == nil, let input { output = total - input }
        }
        let inputTokens = Double(max(input ?? 0, 0))
        let cacheRead = Double(max(usage.cacheRead ?? 0, 0))
        let cacheWrite = Double(max(usage.cacheWrite ?? 0, 0))
        let uncached = max(inputTokens - cacheRead - cacheWrite, 0)
        let outputTokens = Double(max(output ?? 0, 0))

        let perMillion =
            uncached * price.inputPerMillion
            + cacheRead * (price.cachedInputPerMillion ?? price.inputPerMillion)
            + cacheWrite * (price.cacheWritePerMillion ?? price.inputPerMillion)
            + outputTokens * price.outputPerMillion
        let amount = perMillion / 1_000_000 + (price.perRequest ?? 0)
        switch price.unit {
        case .usd: return amount
        case .credits: return amount * creditPriceUSD
        }
    }

    /// The share of the model's context window the request's input used (0.5 = half full), or nil
    /// when the catalog does not know the window.
    ///
    /// Not clamped to 1: a value above 1 means the catalog's window is out of date, which is worth
    /// seeing rather than hiding.
    public func utilisation(inputTokens: Int64, price: ModelPrice) -> Double? {
        guard let window = price.contextWindow, window > 0 else { return nil }
        return Double(max(inputTokens, 0)) / Double(window)
    }
}
