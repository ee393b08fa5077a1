/// Prices GenAI calls with `LoupeCore`'s catalog, so cost is on the span when it ends.
///
/// ```swift
/// let pricing = try GenAIPricing.builtIn()                          // Loupe's bundled prices
/// let custom = GenAIPricing(catalog: try PriceCatalog.builtIn().merging(overrides: mine))
/// ```
///
/// The price is looked up by provider and the model that answered (`gen_ai.response.model`,
/// else `gen_ai.request.model`) at the span's start time. Unknown models stay unpriced: no
/// `loupe.cost.usd` rather than a misleading zero.
public struct GenAIPricing: Sendable {
    public var catalog: PriceCatalog
    public var calculator: CostCalculator

    public init(catalog: PriceCatalog, calculator: CostCalculator = CostCalculator()) {
        self.catalog = catalog
        self.calculator = calculator
    }

    /// The catalog shipped with Loupe.
    public static func builtIn(calculator: CostCalculator = CostCalculator()) throws(PriceCatalogError) -> GenAIPricing {
        GenAIPricing(catalog: try PriceCatalog.builtIn(), calculator: calculator)
    }

    /// The cost in dollars of `usage` on `model` at `provider`, or nil when the catalog does not
    /// know the model.
    public func cost(provider: String?, model: String, usage: TokenUsage, atUnixNanos time: Int64) -> Double? {
        guard let price = catalog.price(provider: provider, model: model, atUnixNanos: time) else { return nil }
        return calculator.cost(of: usage, at: price)
    }

    /// Writes `loupe.cost.usd` (attribute and measurement) from what the span recorded.
    ///
    /// Calls that reported no usage are priced only when `evenWithoutUsage` (rerankers bill per
    /// request), so an unreported count never turns into a confident $0.
    func recordCost(in recording: inout SpanRecording, atUnixNanos time: Int64, evenWithoutUsage: Bool) {
        let attributes = recording.attributes
        let usage = TokenUsage(genAIAttributes: attributes)
        guard usage.isReported || evenWithoutUsage,
            let model = (attributes[GenAIAttributes.responseModel] ?? attributes[GenAIAttributes.requestModel])?
                .stringValue,
            let cost = cost(
                provider: attributes[GenAIAttributes.providerName]?.stringValue, model: model, usage: usage,
                atUnixNanos: time)
        else { return }
        recording.attributes[LoupeAttributes.costUSD] = .double(cost)
        recording.measurements[MeasurementKey.costUSD] = cost
    }
}
