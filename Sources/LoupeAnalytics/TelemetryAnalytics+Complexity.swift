import LoupeCore
import LoupeStore

extension TelemetryAnalytics {
    /// Per-request work over a range in steps (an hour up to two days, a day beyond), from the
    /// rollups by operation: no span is read.
    public func complexity(_ range: TimeRange, stepSeconds: Int64? = nil, filters: [TelemetryDimension: String] = [:]) async throws -> ComplexityReport {
        guard range.fromNanos < range.toNanos else { throw AnalyticsError.emptyRange }
        if let name = filters.keys.first(where: { ![.project, .service].contains($0) }) {
            throw AnalyticsError.badFilter(name.name, "query complexity is filtered by project and service only")
        }
        let seconds = stepSeconds ?? range.reportStepSeconds
        let step = max(1, seconds / 60)
        let buckets = (range.toMinute - range.fromMinute + step - 1) / step
        guard buckets <= Int64(Self.maxPoints) else { throw AnalyticsError.tooManyPoints(Int(buckets), limit: Self.maxPoints) }
        // Steps on clock boundaries (whole hours, whole UTC days), so the store reads its hourly and
        // daily rollups for them; the first step starts before the range and holds only its part.
        let origin = UnixMinute.floorDivide(range.fromMinute, step) * step
        let (_, rows) = try await rollups(
            range, groupBy: [.operation], filters: filters,
            merge: RollupMerge(stepMinutes: step, originMinute: origin, keeping: [.operation], latency: false)
        )
        var tallies: [Int64: ComplexityTally] = [:]
        var total = ComplexityTally()
        for row in rows where row.key.minute >= origin && row.key.minute < range.toMinute {
            tallies[UnixMinute.floorDivide(row.key.minute - origin, step), default: ComplexityTally()].add(row)
            total.add(row)
        }
        let points = tallies.keys.sorted().compactMap { tallies[$0]?.point(minute: origin + $0 * step) }
        let days = points.map { Double($0.minute - origin) / 1_440 }
        return ComplexityReport(
            range: range, stepSeconds: step * 60, points: points, overall: total.point(minute: range.fromMinute),
            trend: LinearTrend(x: days, y: points.map(\.score))
        )
    }
}
