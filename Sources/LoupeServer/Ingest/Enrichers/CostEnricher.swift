import LoupeCore

/// Prices every counted model call from the catalog at the price in force when it started.
///
/// A call whose model has no price keeps `costUSD == nil` and is marked unpriced, never a silent zero.
/// Context utilisation (input tokens ÷ the model's context window) is recorded for LLM calls.
public struct CostEnricher: SpanEnricher {
    public let catalog: PriceCatalog
    public let calculator: CostCalculator

    public init(catalog: PriceCatalog, calculator: CostCalculator = CostCalculator()) {
        self.catalog = catalog
        self.calculator = calculator
    }

    public func enrich(_ span: inout SpanRecord) {
        guard span.countsUsage, span.usage.isReported else { return }
        let (provider, start) = (span.provider, span.startNanos)
        let candidates = [span.responseModel, span.requestModel].compactMap { $0 }
        guard let price = candidates.lazy.compactMap({ catalog.price(provider: provider, model: $0, atUnixNanos: start) }).first
        else {
            span.costUSD = nil
            span.attributes["loupe.unpriced"] = true
            return
        }
        span.costUSD = calculator.cost(of: span.usage, at: price)
        if span.operation == .llm, let input = span.usage.input, let utilisation = calculator.utilisation(inputTokens: input, price: price) {
            span.attributes["loupe.context_utilisation"] = .double(utilisation)
        }
    }
}
