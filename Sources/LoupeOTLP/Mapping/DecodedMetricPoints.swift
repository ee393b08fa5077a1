import LoupeCore

/// The histogram points of one metrics request that can be read, and a count of those that cannot,
/// by reason. Sums, gauges and summaries are neither: they are accepted and left aside.
public struct DecodedMetricPoints: Sendable {
    public var points: [MetricPoint]
    public var rejected: [MetricPointRejection: Int]

    public init(points: [MetricPoint] = [], rejected: [MetricPointRejection: Int] = [:]) {
        self.points = points
        self.rejected = rejected
    }

    /// Rejects points taken after `latestNanos`, as spans starting then are (``DecodedSpans/rejectStarting(after:)``).
    public mutating func rejectTaken(after latestNanos: Int64) {
        let before = points.count
        points.removeAll { $0.timeNanos > latestNanos }
        if points.count < before { rejected[.startsInFuture, default: 0] += before - points.count }
    }

    public var rejectedCount: Int { rejected.values.reduce(0, +) }

    /// A human-readable summary for OTLP's `partial_success.error_message`.
    public var rejectionMessage: String? {
        guard !rejected.isEmpty else { return nil }
        let parts = MetricPointRejection.allCases.compactMap { reason in
            rejected[reason].map { "\($0) data point\($0 == 1 ? "" : "s"): \(reason.rawValue)" }
        }
        return "rejected " + parts.joined(separator: "; ")
    }
}
