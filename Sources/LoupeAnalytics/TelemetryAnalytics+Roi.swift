import LoupeCore
import LoupeStore

extension TelemetryAnalytics {
    /// Value against cost by business unit (``RoiValues/by``), over the range and by step (by
    /// default an hour up to two days, a UTC day beyond).
    public func roi(_ range: TimeRange, values: RoiValues, project: String? = nil, stepSeconds: Int64? = nil) async throws -> RoiReport {
        guard range.fromNanos < range.toNanos else { throw AnalyticsError.emptyRange }
        if let problem = values.problem { throw AnalyticsError.badFilter("roi", problem) }
        let stepSeconds = max(60, stepSeconds ?? range.reportStepSeconds)
        let steps = (range.toNanos - range.fromNanos) / (stepSeconds * 1_000_000_000)
        guard steps <= Int64(Self.maxPoints) else { throw AnalyticsError.tooManyPoints(Int(steps), limit: Self.maxPoints) }
        let step = stepSeconds * 1_000_000_000
        async let outcomes = store.requestOutcomes(RequestOutcomeQuery(
            grouping: .dimension(values.by), fromNanos: range.fromNanos, toNanos: range.toNanos, project: project, stepNanos: step,
            originNanos: UnixMinute.floorDivide(range.fromNanos, step) * step, unlabelled: true
        ))
        let unpriced = try await store.unpricedModels(fromNanos: range.fromNanos, toNanos: range.toNanos).reduce(0) { $0 + $1.calls }
        return RoiReport(range: range, values: values, stepSeconds: stepSeconds, outcomes: try await outcomes, unpricedCalls: unpriced)
    }
}
