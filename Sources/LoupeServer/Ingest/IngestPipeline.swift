import LoupeCore
import LoupeOTLP

/// Turns a decoded OTLP request into the records to store: validate, normalise, then enrich in order.
public struct IngestPipeline: Sendable {
    public let normalizer: SpanNormalizer
    public let enrichers: [any SpanEnricher]

    public init(normalizer: SpanNormalizer, enrichers: [any SpanEnricher] = []) {
        self.normalizer = normalizer
        self.enrichers = enrichers
    }

    /// Normalises and enriches decoded spans; what comes back as `rejected` holds only the rejection counts.
    public func records(from decoded: DecodedSpans, project: String? = nil) -> (records: [SpanRecord], rejected: DecodedSpans) {
        var decoded = decoded
        var records = decoded.spans.map { normalizer.normalize($0, project: project) }
        decoded.spans = []
        if !enrichers.isEmpty {
            for i in records.indices {
                for enricher in enrichers { enricher.enrich(&records[i]) }
            }
        }
        return (records, decoded)
    }
}
