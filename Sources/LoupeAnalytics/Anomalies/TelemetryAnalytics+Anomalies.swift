import LoupeCore
import LoupeStore

extension TelemetryAnalytics {
    /// Anomalies of the query's metrics in its range, each series judged by ``AnomalyDetector``
    /// against its own robust baseline, the most severe explained by the dimension values that
    /// drove them. Everything is read from rollups: one read of the history, and two small
    /// summaries per grouping for the explained anomalies (see ``explain(_:query:dataStartMinute:)``).
    public func anomalies(_ query: AnomalyQuery) async throws -> AnomalyReport {
        guard query.range.toNanos > query.range.fromNanos else { throw AnalyticsError.emptyRange }
        let grouping = query.groupBy.map { [$0] } ?? []
        let dimensions = Set(grouping).union(query.filters.keys)
        guard let grain = RollupGrain.covering(dimensions) else { throw AnalyticsError.dimensionsNotCombinable(dimensions.sorted()) }
        let stepSeconds = query.step(resolutionMinutes: grain.resolutionMinutes, maxPoints: Self.maxPoints)
        let stepMinutes = max(1, stepSeconds / 60)
        // History starts a whole number of steps before the range, so the range starts on a step;
        // steps fall on clock boundaries (a 10-minute step at :00, :10…), which stores keep coarser rows for.
        let rangeStart = UnixMinute.floorDivide(grain.rowMinute(query.range.fromMinute), stepMinutes) * stepMinutes
        let historySteps = (query.lookbackSeconds / 60 + stepMinutes - 1) / stepMinutes
        let historyStart = rangeStart - historySteps * stepMinutes
        let read = TimeRange(fromNanos: historyStart * 60_000_000_000, toNanos: query.range.toNanos)
        let judgedFrom = Int(historySteps)
        let calendar = RobustBaseline.Calendar(stepSeconds: stepSeconds)
        let plan = AnomalyReadPlan(
            stepCount: Int((read.toMinute - historyStart + stepMinutes - 1) / stepMinutes), scoredFrom: judgedFrom - Self.scoredBeforeRange,
            calendar: calendar, windowed: query.readsBaselineWindowsOnly
        )
        async let firstData = plan.isPartial ? firstMinuteWithData(read, filters: query.filters) : nil
        let buckets = try await groupBuckets(query, range: read, stepSeconds: stepSeconds, grouping: grouping, plan: plan)
        let known = plan.known
        let unit = query.unit
        // A step that ends after the range is still filling: judged, it would read as a drop. It is
        // drawn, not judged, and "ongoing" means reaching the last complete step.
        let lastEnds = buckets.time(ofStep: buckets.stepCount - 1) + stepSeconds
        let complete = buckets.stepCount - (lastEnds * 1_000_000_000 > query.range.toNanos ? 1 : 0)

        // Steps before the first data are unknown, not zero: the store was not collecting yet, and
        // a baseline of zeros would call the first traffic a spike.
        // With only windows read, where the data starts is read apart (cheaply, from hours).
        let firstActive = plan.isPartial
            ? try await firstData.map { Int(max(0, $0 - historyStart) / stepMinutes) } ?? buckets.stepCount
            : buckets.groups.values.compactMap { $0.firstIndex { $0.spans.count > 0 } }.min() ?? buckets.stepCount
        var anomalies: [Anomaly] = []
        var series: [AnomalyReport.Series] = []
        var newestBaseline: RobustBaseline.Kind?
        for metric in query.metrics {
            let detector = AnomalyDetector(absoluteFloor: metric.absoluteFloor)
            for (values, steps) in buckets.groups {
                let key = Dictionary(uniqueKeysWithValues: zip(buckets.groupBy, values))
                let observed = steps.indices.map { $0 < firstActive || !known[$0] ? nil : metric.value(steps[$0], unit: unit, stepMinutes: stepMinutes) }
                let points = observed.indices.map { $0 < complete ? observed[$0] : nil }
                let trials = metric == .errorRate ? steps.map { Double($0[unit].count) } : nil
                // Runs may start a little before the range; those still going into it count.
                let scores = detector.scores(points, calendar: calendar, trials: trials, from: max(0, judgedFrom - Self.scoredBeforeRange))
                if newestBaseline == nil { newestBaseline = scores.last(where: { $0 != nil })??.baseline.kind }
                for interval in detector.intervals(scores) where interval.end >= judgedFrom {
                    anomalies.append(Anomaly(
                        metric: metric, key: key, start: buckets.time(ofStep: interval.start),
                        end: buckets.time(ofStep: interval.end) + stepSeconds, direction: interval.direction,
                        observed: interval.observed, expected: interval.expected, lower: max(0, interval.lower), upper: interval.upper,
                        severity: interval.severity, confidence: interval.confidence, baseline: interval.baseline,
                        ongoing: interval.end >= complete - 1 - detector.gapSteps, attribution: []
                    ))
                }
                if query.includeSeries {
                    series.append(AnomalyReport.Series(metric: metric, key: key, points: (judgedFrom..<buckets.stepCount).map { i in
                        let s = scores[i]
                        return .init(
                            time: buckets.time(ofStep: i), value: observed[i], expected: s?.baseline.median,
                            // Every watched metric is a count, a rate or a duration: never below zero.
                            lower: s.map { max(0, $0.baseline.median - detector.threshold * $0.spread) },
                            upper: s.map { $0.baseline.median + detector.threshold * $0.spread }
                        )
                    }))
                }
            }
        }
        anomalies.sort { ($0.ongoing ? 1 : 0, $0.severity, $1.start) > ($1.ongoing ? 1 : 0, $1.severity, $0.start) }
        try await explain(&anomalies, query: query, dataStartMinute: historyStart + Int64(firstActive) * stepMinutes)
        let historyMinutes = Int64(max(0, complete - firstActive)) * stepMinutes
        series.sort { ($0.metric.rawValue, $0.key.description) < ($1.metric.rawValue, $1.key.description) }
        return AnomalyReport(
            query: query, unit: unit, stepSeconds: stepSeconds, anomalies: anomalies, series: series, baseline: newestBaseline,
            historyMinutes: historyMinutes
        )
    }

    /// The history per group, the `groupLimit` largest in the judged range: every group in one
    /// read, or, when a dimension of many values (users) makes that too large, one read for each
    /// of the largest.
    private func groupBuckets(
        _ query: AnomalyQuery, range: TimeRange, stepSeconds: Int64, grouping: [TelemetryDimension], plan: AnomalyReadPlan
    ) async throws -> TimeBuckets {
        guard let dimension = query.groupBy else { return try await buckets(range, plan: plan, stepSeconds: stepSeconds, filters: query.filters) }
        let unit = query.unit
        // Largest by the unit's count, or by cost when cost is all that is watched.
        func size(_ m: UnitMeasures) -> Double { query.metrics == [.costUSD] ? m.spans.costUSD : Double(m[unit].count) }
        do {
            var all = try await buckets(range, plan: plan, stepSeconds: stepSeconds, groupBy: grouping, filters: query.filters)
            let judged = Int((query.range.fromMinute - all.firstMinute) / all.stepMinutes)
            let ranked = all.groups.map { key, steps in (key, steps.dropFirst(judged).reduce(0) { $0 + size($1) }) }
                .filter { $0.1 > 0 }.sorted { ($0.1, $1.0.description) > ($1.1, $0.0.description) }
            let kept = Set(ranked.prefix(query.groupLimit).map(\.0))
            all.groups = all.groups.filter { kept.contains($0.key) }
            return all
        } catch AnalyticsError.tooManySeries {
            let summary = try await summary(SummaryQuery(range: query.range, groupBy: grouping, filters: query.filters, latency: false))
            let top = summary.groups.sorted { size($0.measures) > size($1.measures) }.prefix(query.groupLimit).compactMap { $0.key[dimension.name] }
            var result: TimeBuckets?
            for value in top {
                var filters = query.filters
                filters[dimension] = value
                let one = try await buckets(range, plan: plan, stepSeconds: stepSeconds, filters: filters)
                if result == nil { result = TimeBuckets(firstMinute: one.firstMinute, stepMinutes: one.stepMinutes, stepCount: one.stepCount, groupBy: [dimension.name], groups: [:]) }
                result?.groups[[value]] = one.groups[[]]
            }
            if let result { return result }
            return try await buckets(range, plan: plan, stepSeconds: stepSeconds, filters: query.filters)
        }
    }

    /// Steps before the range that are scored too, so runs starting a little before it are whole.
    static let scoredBeforeRange = 30
}
