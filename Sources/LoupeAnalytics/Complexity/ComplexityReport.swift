import LoupeCore

/// Seed 000's query complexity trend: how much work a request takes, step by step, and whether it
/// is growing.
public struct ComplexityReport: Sendable, Hashable {
    public var range: TimeRange
    public var stepSeconds: Int64
    /// Steps with requests, oldest first.
    public var points: [ComplexityPoint]
    /// The whole range.
    public var overall: ComplexityPoint?
    /// The score's least-squares line over the steps, x in days; nil below three steps.
    public var trend: LinearTrend?

    /// The trend's change over the range as a share of the mean score: +0.2 is a fifth more work
    /// per request at the end than at the start.
    public var relativeChange: Double? {
        guard let trend, let overall, overall.score > 0 else { return nil }
        let days = Double(range.toNanos - range.fromNanos) / 86_400e9
        return trend.slope * days / overall.score
    }
}
