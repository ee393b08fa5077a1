import LoupeStore

extension TelemetryAnalytics {
    /// ``buckets(_:stepSeconds:groupBy:filters:)`` over `range`, reading only the windows of a
    /// partial plan, concurrently; the steps between them are left empty, and the plan says which
    /// steps were read.
    func buckets(
        _ range: TimeRange, plan: AnomalyReadPlan, stepSeconds: Int64, groupBy: [TelemetryDimension] = [],
        filters: [TelemetryDimension: String] = [:]
    ) async throws -> TimeBuckets {
        guard plan.isPartial else { return try await buckets(range, stepSeconds: stepSeconds, groupBy: groupBy, filters: filters) }
        let stepMinutes = max(1, stepSeconds / 60)
        let first = range.fromMinute
        let parts = try await withThrowingTaskGroup(of: (Int, TimeBuckets).self) { group in
            for window in plan.windows {
                let from = (first + Int64(window.lowerBound) * stepMinutes) * 60_000_000_000
                let to = min(range.toNanos, (first + Int64(window.upperBound) * stepMinutes) * 60_000_000_000)
                guard to > from else { continue }
                group.addTask {
                    (window.lowerBound, try await self.buckets(
                        TimeRange(fromNanos: from, toNanos: to), stepSeconds: stepSeconds, groupBy: groupBy, filters: filters
                    ))
                }
            }
            var parts: [(Int, TimeBuckets)] = []
            for try await part in group { parts.append(part) }
            return parts
        }
        var result = TimeBuckets(firstMinute: first, stepMinutes: stepMinutes, stepCount: plan.stepCount, groupBy: groupBy.map(\.name), groups: [:])
        for (offset, part) in parts {
            for (key, steps) in part.groups {
                if result.groups[key] == nil {
                    guard (result.groups.count + 1) * plan.stepCount <= Self.maxSeriesPoints else {
                        throw AnalyticsError.tooManySeries(result.groups.count, points: plan.stepCount, limit: Self.maxSeriesPoints)
                    }
                    result.groups[key] = Array(repeating: UnitMeasures(), count: plan.stepCount)
                }
                for (i, m) in steps.enumerated() where offset + i < plan.stepCount { result.groups[key]?[offset + i] = m }
            }
        }
        if result.groups.isEmpty && groupBy.isEmpty { result.groups[[]] = Array(repeating: UnitMeasures(), count: plan.stepCount) }
        return result
    }
}
