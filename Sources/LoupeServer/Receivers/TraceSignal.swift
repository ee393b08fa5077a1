import Foundation
import LoupeCore
import LoupeOTLP
import LoupeStore

/// `/v1/traces`: spans, normalised and enriched, stored with their aggregates.
struct TraceSignal: OTLPSignal {
    typealias Response = OTLPExportTraceServiceResponse

    static let path = "/v1/traces"
    static let name = "traces"
    static let itemKey = "spans"

    let pipeline: IngestPipeline
    /// Whether batches pack their spans' large texts for the store (``TelemetryStore/packsContent``).
    let packContent: Bool
    /// Told which services send model-call spans, so that their metrics are not counted again.
    let spanSenders: SpanSenders

    func prepare(_ body: Data, encoding: OTLPEncoding, project: String?, nowNanos: Int64) throws -> OTLPPrepared {
        let decoded = encoding == .protobuf ? try OTLPProtobufSpanReader.decodedSpans(body) : try OTLPTraceDecoder.decode(json: body).decodedSpans()
        let (records, rejected) = pipeline.records(from: decoded, project: project, nowNanos: nowNanos)
        spanSenders.note(records, nowNanos: nowNanos)
        // Aggregating and packing here, off the writer's thread, keep the single writer to inserting rows.
        return OTLPPrepared(
            batch: SpanBatch(records, packingContent: packContent), items: records.count, rejected: rejected.rejectedCount,
            rejectionMessage: rejected.rejectionMessage, project: records.first?.project)
    }

    static func outcome(accepted: Int, rejected: Int) -> IngestCounters.Outcome {
        .accepted(spans: accepted, rejected: rejected)
    }
}
