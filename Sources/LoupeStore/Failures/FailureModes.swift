import LoupeCore

/// The answer to a ``FailureModeQuery``: root-cause failures counted by failure mode and by where
/// they happened, with each fingerprint's latest message, example traces and trend.
public struct FailureModes: Sendable, Hashable {
    /// Root-cause failures of one fingerprint in one place (group key, model, operation, service, user).
    public struct Row: Sendable, Hashable {
        /// Values of the query's group-by dimensions, in its order.
        public var key: [String]
        /// Nil for failures stored before classification existed.
        public var category: String?
        public var fingerprint: String?
        /// Where the failures happened; nil when the query did not ask (``FailureModeQuery/byPlace``).
        public var model: String?
        public var operation: String?
        public var service: String?
        public var user: String?
        public var count: Int
        public var firstSeenNanos: Int64
        public var lastSeenNanos: Int64

        public init(
            key: [String], category: String?, fingerprint: String?, model: String?, operation: String?, service: String?,
            user: String?, count: Int, firstSeenNanos: Int64, lastSeenNanos: Int64
        ) {
            self.key = key
            self.category = category
            self.fingerprint = fingerprint
            self.model = model
            self.operation = operation
            self.service = service
            self.user = user
            self.count = count
            self.firstSeenNanos = firstSeenNanos
            self.lastSeenNanos = lastSeenNanos
        }

        /// Whether the failure was classified when stored.
        public var isClassified: Bool { category != nil && fingerprint != nil }
    }

    /// A fingerprint's most recent failure and the most recent traces that failed this way.
    public struct Sample: Sendable, Hashable {
        public var errorType: String?
        public var message: String?
        /// Newest first, each trace once.
        public var traceIds: [String]

        public init(errorType: String?, message: String?, traceIds: [String]) {
            self.errorType = errorType
            self.message = message
            self.traceIds = traceIds
        }
    }

    /// Failed spans matching the filters, root causes or not (as the summary's `spans.errors` counts them).
    public var failedSpans: Int
    public var rows: [Row]
    /// By fingerprint.
    public var samples: [String: Sample]
    /// Root-cause failures per trend bucket, by fingerprint; empty without a trend.
    public var trends: [String: [Int]]

    public init(failedSpans: Int, rows: [Row], samples: [String: Sample], trends: [String: [Int]]) {
        self.failedSpans = failedSpans
        self.rows = rows
        self.samples = samples
        self.trends = trends
    }

    /// The reference answer, from failed spans: the in-memory store's, and the one every store must equal.
    /// `spans` holds every failed span that could be a child of a matching one (filters aside).
    public init(failed spans: [SpanRecord], query: FailureModeQuery) {
        struct SpanKey: Hashable {
            var traceId: String
            var spanId: String
        }
        let failedParents = Set(spans.compactMap { span in span.parentSpanId.map { SpanKey(traceId: span.traceId, spanId: $0) } })
        let matching = spans.filter(query.matches)
        struct RowKey: Hashable {
            var key: [String]
            var category: String?
            var fingerprint: String?
            var model: String?
            var operation: String?
            var service: String?
            var user: String?
        }
        var rows: [RowKey: Row] = [:]
        var samples: [String: Sample] = [:]
        var trends: [String: [Int]] = [:]
        // Newest first, so the first failure seen of a fingerprint is its sample.
        for span in matching.sorted(by: { $0.startNanos > $1.startNanos })
        where !failedParents.contains(SpanKey(traceId: span.traceId, spanId: span.spanId)) {
            let key = RowKey(
                key: query.groupBy.map { span.value(of: $0) }, category: span.errorCategory, fingerprint: span.errorFingerprint,
                model: query.byPlace ? span.model : nil, operation: query.byPlace ? span.operation.rawValue : nil,
                service: query.byPlace ? span.service : nil, user: query.byPlace ? span.userId : nil
            )
            var row = rows[key] ?? Row(
                key: key.key, category: key.category, fingerprint: key.fingerprint, model: key.model, operation: key.operation,
                service: key.service, user: key.user, count: 0, firstSeenNanos: span.startNanos, lastSeenNanos: span.startNanos
            )
            row.count += 1
            row.firstSeenNanos = min(row.firstSeenNanos, span.startNanos)
            rows[key] = row
            guard let fingerprint = span.errorFingerprint else { continue }
            var sample = samples[fingerprint] ?? Sample(errorType: span.errorType, message: span.errorMessage, traceIds: [])
            if sample.traceIds.count < query.examplesPerFingerprint, !sample.traceIds.contains(span.traceId) {
                sample.traceIds.append(span.traceId)
            }
            samples[fingerprint] = sample
            if query.trendBuckets > 0 {
                trends[fingerprint, default: Array(repeating: 0, count: query.trendBuckets)][query.trendBucket(ofNanos: span.startNanos)] += 1
            }
        }
        self.init(failedSpans: matching.count, rows: Array(rows.values), samples: samples, trends: trends)
    }
}
