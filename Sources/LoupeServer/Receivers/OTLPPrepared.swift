import LoupeStore

/// A request's body, decoded, normalised, enriched and aggregated: the batch for the writer and
/// what the answer reports.
struct OTLPPrepared: Sendable {
    var batch: SpanBatch
    /// Spans or data points accepted.
    var items: Int
    var rejected: Int
    var rejectionMessage: String?
    /// The project the items were stored in, for the request log.
    var project: String?
}
