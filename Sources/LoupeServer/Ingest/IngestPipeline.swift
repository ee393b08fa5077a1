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

    /// How far ahead of the server's clock a span may start: clocks drift, but not by a day.
    public static let maxClockSkewNanos: Int64 = 86_400 * 1_000_000_000

    /// Normalises and enriches decoded spans; what comes back as `rejected` holds only the rejection counts.
    /// Spans starting more than ``maxClockSkewNanos`` after `nowNanos` (the server's clock) are rejected.
    public func records(
        from decoded: DecodedSpans, project: String? = nil, nowNanos: Int64
    ) -> (records: [SpanRecord], rejected: DecodedSpans) {
        var decoded = decoded
        decoded.rejectTimed(after: nowNanos &+ Self.maxClockSkewNanos)
        var records = decoded.spans.map { normalizer.normalize($0, project: project) }
        decoded.spans = []
        // Before enrichment, so that a wrapper is neither priced nor counted.
        ModelCallWrappers.resolve(&records)
        if !enrichers.isEmpty {
            for i in records.indices { enrich(&records[i]) }
        }
        return (records, decoded)
    }

    /// Gives decoded log records their project, service and identity, and runs the enrichers that
    /// concern them (redaction); records timed more than ``maxClockSkewNanos`` ahead are rejected.
    public func logRecords(
        from decoded: DecodedLogRecords, project: String? = nil, nowNanos: Int64
    ) -> (records: [LogRecord], rejected: DecodedLogRecords) {
        var decoded = decoded
        decoded.rejectTimed(after: nowNanos &+ Self.maxClockSkewNanos)
        let records = decoded.records.map { record, resource in
            var record = record
            record.project = project ?? normalizer.projectName(resource)
            record.service = normalizer.serviceName(resource)
            // Named before redaction, by what was sent: a record sent again gets the same id.
            record.id = record.identity
            for enricher in enrichers { enricher.enrich(&record) }
            return record
        }
        decoded.records = []
        return (records, decoded)
    }

    /// Runs every enricher on a record, in order.
    public func enrich(_ record: inout SpanRecord) {
        for enricher in enrichers { enricher.enrich(&record) }
    }
}
