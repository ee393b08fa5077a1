import LoupeCore
import LoupeStore

extension TelemetryAnalytics {
    /// Two summary reads that explain one anomaly by one grouping: its window, and a window of
    /// equal length a day earlier (the same time of day) or, with less history, just before.
    private struct AttributionRead: Sendable {
        var candidate: [TelemetryDimension]
        var unit: CountUnit
        var during: SummaryQuery
        var before: SummaryQuery
    }

    /// Fills in the attribution of the first `query.attributionLimit` anomalies. The summaries are
    /// read once each and concurrently: one incident is often an anomaly of several metrics over
    /// the same rows (cost, tokens and latency of a runaway loop), and those share every read.
    func explain(_ anomalies: inout [Anomaly], query: AnomalyQuery, dataStartMinute: Int64) async throws {
        let explained = Array(anomalies.indices.prefix(query.attributionLimit))
        let plans = explained.map { attributionReads(anomalies[$0], query: query, dataStartMinute: dataStartMinute) }
        let queries = Set(plans.joined().flatMap { [$0.during, $0.before] })
        let reports = try await withThrowingTaskGroup(of: (SummaryQuery, SummaryReport).self) { group in
            for read in queries { group.addTask { (read, try await self.summary(read)) } }
            var reports: [SummaryQuery: SummaryReport] = [:]
            for try await (read, report) in group { reports[read] = report }
            return reports
        }
        for (i, reads) in zip(explained, plans) {
            let anomaly = anomalies[i]
            var shares: [AnomalyAttribution.Share] = []
            for read in reads {
                guard let during = reports[read.during], let before = reports[read.before] else { continue }
                let span = (dataStartMinute, query.range.toMinute)
                shares += AnomalyAttribution.shares(
                    during: perMinute(during, anomaly.metric, read.unit, dataSpan: span),
                    before: perMinute(before, anomaly.metric, read.unit, dataSpan: span),
                    increase: anomaly.direction == .spike
                ).prefix(2)
            }
            anomalies[i].attribution = shares.sorted { ($0.excess, $1.key.description) > ($1.excess, $0.key.description) }
        }
    }

    /// The reads that explain one anomaly, one pair per grouping its series does not already fix.
    private func attributionReads(_ anomaly: Anomaly, query: AnomalyQuery, dataStartMinute: Int64) -> [AttributionRead] {
        let startMinute = anomaly.start / 60
        let length = anomaly.end / 60 - startMinute
        let dayBefore = startMinute - 1_440
        var filters = query.filters
        for (name, value) in anomaly.key { filters[TelemetryDimension(name)] = value }
        return AnomalyAttribution.candidates.compactMap { candidate in
            if candidate == [.errorCategory] && anomaly.metric != .errors && anomaly.metric != .errorRate { return nil }
            if candidate.contains(where: { filters[$0] != nil }) { return nil }
            guard let grain = RollupGrain.covering(Set(candidate).union(filters.keys)) else { return nil }
            // Windows widened to whole rows of the grain (users are kept in ten-minute rows).
            func window(_ from: Int64) -> TimeRange {
                let first = grain.rowMinute(from)
                let last = grain.rowMinute(from + length - 1) + grain.resolutionMinutes
                return TimeRange(fromNanos: first * 60_000_000_000, toNanos: last * 60_000_000_000)
            }
            let during = window(startMinute)
            // Just before means before the widened window: overlapping rows would count the anomaly twice.
            let before = dayBefore >= dataStartMinute ? window(dayBefore)
                : TimeRange(fromNanos: 2 * during.fromNanos - during.toNanos, toNanos: during.fromNanos)
            func read(_ range: TimeRange) -> SummaryQuery { SummaryQuery(range: range, groupBy: candidate, filters: filters, latency: false) }
            return AttributionRead(candidate: candidate, unit: CountUnit.fitting(candidate), during: read(during), before: read(before))
        }
    }

    /// Each value's contribution per minute of data: a row still filling (the range ends inside
    /// it) holds only the minutes up to the range's end, and a window reaching back before the
    /// store's first data only the minutes since (a young store's "before" would read too low).
    private func perMinute(
        _ report: SummaryReport, _ metric: AnomalyMetric, _ unit: CountUnit, dataSpan: (first: Int64, end: Int64)
    ) -> [[String: String]: Double] {
        let range = report.query.range
        let minutes = Double(max(1, min(range.toMinute, dataSpan.end) - max(range.fromMinute, dataSpan.first)))
        return Dictionary(report.groups.compactMap { group in
            group.key.values.contains("") ? nil : (group.key, metric.contribution(group.measures, unit: unit) / minutes)
        }, uniquingKeysWith: +)
    }
}
