import LoupeCore

/// Prices every counted model call at ingest (see ``SpanPricer``), marks unpriced calls, and records
/// context utilisation (input tokens ÷ the model's context window) for LLM calls.
public struct CostEnricher: SpanEnricher {
    public let pricer: SpanPricer

    public init(pricer: SpanPricer) {
        self.pricer = pricer
    }

    public func enrich(_ span: inout SpanRecord) {
        guard span.countsUsage, span.usage.isReported else { return }
        guard let price = pricer.price(of: span) else {
            span.costUSD = nil
            span.attributes["loupe.unpriced"] = true
            return
        }
        span.costUSD = pricer.calculator.cost(of: span.usage, at: price)
        if span.operation == .llm, let input = span.usage.input,
            let utilisation = pricer.calculator.utilisation(inputTokens: input, price: price)
        {
            span.attributes["loupe.context_utilisation"] = .double(utilisation)
        }
    }
}
