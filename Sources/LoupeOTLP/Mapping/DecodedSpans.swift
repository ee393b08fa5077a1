import LoupeCore

/// The spans of one request that can be stored, and a count of those that cannot, by reason.
public struct DecodedSpans: Sendable {
    public var spans: [RawSpan]
    public var rejected: [SpanRejection: Int]

    public init(spans: [RawSpan] = [], rejected: [SpanRejection: Int] = [:]) {
        self.spans = spans
        self.rejected = rejected
    }

    /// Rejects spans that start after `latestStartNanos`: a clock decades ahead (or a unit mistaken
    /// for nanoseconds) would otherwise put them where no time range ever looks, or skew every range that does.
    public mutating func rejectStarting(after latestStartNanos: Int64) {
        let before = spans.count
        spans.removeAll { $0.startNanos > latestStartNanos }
        if spans.count < before { rejected[.startsInFuture, default: 0] += before - spans.count }
    }

    public var rejectedCount: Int { rejected.values.reduce(0, +) }

    /// A human-readable summary for OTLP's `partial_success.error_message`.
    public var rejectionMessage: String? {
        guard !rejected.isEmpty else { return nil }
        let parts = SpanRejection.allCases.compactMap { reason in
            rejected[reason].map { "\($0) span\($0 == 1 ? "" : "s"): \(reason.rawValue)" }
        }
        return "rejected " + parts.joined(separator: "; ")
    }
}
