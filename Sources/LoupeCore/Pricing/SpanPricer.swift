/// Prices one span: the rule shared by ingest and by repricing stored data.
///
/// Only counted model calls with reported usage have a cost. The price is the catalog's price for
/// the model that answered (else the one requested) at the time the call started; nil when the
/// model has no price, so unknown cost is never a silent zero.
public struct SpanPricer: Sendable {
    public let catalog: PriceCatalog
    public let calculator: CostCalculator

    public init(catalog: PriceCatalog, calculator: CostCalculator = CostCalculator()) {
        self.catalog = catalog
        self.calculator = calculator
    }

    /// The price in force for the span's model, if any.
    public func price(of span: SpanRecord) -> ModelPrice? {
        for model in [span.responseModel, span.requestModel].compactMap({ $0 }) {
            if let price = catalog.price(provider: span.provider, model: model, atUnixNanos: span.startNanos) { return price }
        }
        return nil
    }

    public func cost(of span: SpanRecord) -> Double? {
        guard span.countsUsage, span.usage.isReported, let price = price(of: span) else { return nil }
        return calculator.cost(of: span.usage, at: price)
    }
}
