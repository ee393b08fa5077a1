extension OTLPExporter {
    /// What the exporter has done so far; read with ``OTLPExporter/statistics``.
    public struct Statistics: Sendable, Hashable {
        /// Spans the collector accepted.
        public var exportedSpans: Int
        /// Spans refused because the queue was full.
        public var droppedOnOverflow: Int
        /// Spans in batches given up on: a non-retryable answer (400, 401, 413…), retries
        /// exhausted, an encoding failure, or shutdown cancelling the export.
        public var droppedOnFailure: Int
        /// Spans the collector reported as rejected in a partial success.
        public var rejectedSpans: Int
        /// Requests retried after 429, 502, 503, 504 or a network error.
        public var retries: Int
        /// Batches given up on.
        public var failedRequests: Int
        /// Spans waiting to be exported.
        public var queuedSpans: Int

        /// Every span that will never reach the collector.
        public var droppedSpans: Int {
            droppedOnOverflow + droppedOnFailure + rejectedSpans
        }
    }
}
