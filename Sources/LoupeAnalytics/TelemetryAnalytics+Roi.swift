import LoupeCore
import LoupeStore

extension TelemetryAnalytics {
    /// Value against cost by business unit (``RoiValues/by``), over the range and by step (by
    /// default an hour up to two days, a UTC day beyond).
    ///
    /// Requests, failed requests, cost and unpriced calls come from the rollups by the unit's
    /// dimension, as the summary by that dimension counts them; requests with negative feedback
    /// (few) from the store, by the unit their trace names. A request is successful when it did not
    /// fail and no user disliked its answer.
    public func roi(_ range: TimeRange, values: RoiValues, project: String? = nil, stepSeconds: Int64? = nil) async throws -> RoiReport {
        guard range.fromNanos < range.toNanos else { throw AnalyticsError.emptyRange }
        if let problem = values.problem { throw AnalyticsError.badFilter("roi", problem) }
        let stepSeconds = max(60, stepSeconds ?? range.reportStepSeconds)
        let steps = (range.toNanos - range.fromNanos) / (stepSeconds * 1_000_000_000)
        guard steps <= Int64(Self.maxPoints) else { throw AnalyticsError.tooManyPoints(Int(steps), limit: Self.maxPoints) }
        let stepMinutes = stepSeconds / 60
        // Steps on clock boundaries, so the store reads its hourly and daily rollups for them.
        let origin = UnixMinute.floorDivide(range.fromMinute, stepMinutes) * stepMinutes
        let dimension = TelemetryDimension(values.by)
        async let negativeRead = store.requestOutcomes(RequestOutcomeQuery(
            grouping: .dimension(values.by), fromNanos: range.fromNanos, toNanos: range.toNanos, project: project,
            stepNanos: stepMinutes * 60_000_000_000, originNanos: origin * 60_000_000_000, unlabelled: true, negativeFeedbackOnly: true
        ))
        let (_, rows) = try await rollups(
            range, groupBy: [dimension], filters: project.map { [.project: $0] } ?? [:],
            merge: RollupMerge(stepMinutes: stepMinutes, originMinute: origin, keeping: [dimension], latency: false)
        )
        var measures: [RoiReport.Cell: UnitMeasures] = [:]
        for row in rows where row.key.minute >= origin && row.key.minute < range.toMinute {
            // A store may return finer rows than the merge asks for: each is folded into its step.
            let step = origin + UnixMinute.floorDivide(row.key.minute - origin, stepMinutes) * stepMinutes
            measures[RoiReport.Cell(unit: row.key.value(of: dimension), stepMinute: step), default: UnitMeasures()].add(row)
        }
        var negative: [RoiReport.Cell: RequestOutcome] = [:]
        for outcome in try await negativeRead {
            negative[RoiReport.Cell(unit: outcome.arm, stepMinute: outcome.stepNanos / 60_000_000_000)] = outcome
        }
        return RoiReport(range: range, values: values, stepSeconds: stepSeconds, measures: measures, negative: negative)
    }
}
