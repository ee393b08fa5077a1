import LoupeCore
import LoupeStore

/// What every advisor reads: the rollups' view of each model, a sample of whole traces, prices,
/// and how to turn the range's amounts into a month's.
public struct RecommendationInput: Sendable {
    public var models: [ModelUsage]
    public var sample: RecommendationSample
    public var prices: PriceCatalog?
    /// Credit price for Snowflake warehouses, in USD.
    public var creditPriceUSD: Double
    /// Seconds of the range that hold data.
    public var observedSeconds: Int64
    /// Unix nanoseconds of the range's end, for prices in effect then.
    public var nowNanos: Int64

    public init(
        models: [ModelUsage], sample: RecommendationSample, prices: PriceCatalog?, creditPriceUSD: Double = CostCalculator().creditPriceUSD,
        observedSeconds: Int64, nowNanos: Int64
    ) {
        self.models = models
        self.sample = sample
        self.prices = prices
        self.creditPriceUSD = creditPriceUSD
        self.observedSeconds = observedSeconds
        self.nowNanos = nowNanos
    }

    /// An amount of the observed range as 30 days' worth at the same rate.
    public func monthly(_ amount: Double) -> Double {
        amount * 30 * 86_400 / Double(max(60, observedSeconds))
    }

    /// A service's chat (`llm`) calls of one model, from the rollups.
    public func chatUsage(service: String, model: String) -> ModelUsage? {
        models.first { $0.service == service && $0.model == model && $0.operation == OperationKind.llm.rawValue }
    }

    /// How many sampled model calls match: the denominator that scales a sample's count to the range.
    public func sampledCalls(where matches: (SpanRecord) -> Bool) -> Int {
        sample.calls.reduce(0) { $0 + (matches($1) ? 1 : 0) }
    }

    public func price(_ provider: String?, _ model: String) -> ModelPrice? {
        prices?.price(provider: provider, model: model, atUnixNanos: nowNanos)
    }
}
