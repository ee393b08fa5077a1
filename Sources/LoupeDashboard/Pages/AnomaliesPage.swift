import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Seed 000's "tell teams what the numbers mean": what left its usual range in the chosen range,
/// each anomaly as one sentence with what drove it, and the series drawn with their expected band
/// and the anomalous steps marked. `group_by=` watches each model, service, user… instead of the totals.
struct AnomaliesPage {
    static let parameters: Set<String> = ["group_by"]
    static let groupings: [TelemetryDimension?] = [nil, .model, .service, .operation, .provider, .user]
    /// Charts drawn at most when grouped: those of the anomalous series.
    static let maxGroupedCharts = 8

    let context: PageContext

    func render() async throws -> RenderedPage {
        let query = context.query
        let groupBy = try Self.grouping(query.parameters["group_by"])
        let report = try await context.analytics.anomalies(AnomalyQuery(
            range: query.range, groupBy: groupBy, filters: query.filters, stepSeconds: query.stepSeconds(coarse: groupBy == .user),
            includeSeries: true
        ))
        let marked = Set(report.anomalies.map { ChartKey(metric: $0.metric, key: $0.key) })
        // A series with no value in the range (no streamed calls for time to first token) is not drawn.
        let drawn = report.series.filter { series in
            series.points.contains { $0.value != nil } && (groupBy == nil || marked.contains(ChartKey(metric: series.metric, key: series.key)))
        }
        let charts = drawn.prefix(groupBy == nil ? drawn.count : Self.maxGroupedCharts).map { chart($0, report) }
        let view = AnomaliesView(
            baseline: Self.baselineText(report), ongoing: report.anomalies.count(where: \.ongoing), total: report.anomalies.count,
            items: report.anomalies.map { item($0, report) }, hasAnomalies: !report.anomalies.isEmpty, judged: report.baseline != nil,
            groupings: Self.groupings.map { g in
                AnomaliesView.Grouping(
                    label: g.map { "per \($0.name)" } ?? "totals", href: query.link(DashboardSection.anomalies.path, ["group_by": g?.name]),
                    active: g == groupBy
                )
            },
            charts: charts, hasCharts: !charts.isEmpty, grouped: groupBy != nil
        )
        return RenderedPage(title: "Anomalies", content: context.templates.render(view, "anomalies"), live: true)
    }

    static func grouping(_ name: String?) throws -> TelemetryDimension? {
        guard let name else { return nil }
        guard let dimension = groupings.compactMap({ $0 }).first(where: { $0.name == name }) else {
            let names = groupings.compactMap { $0?.name }.joined(separator: ", ")
            throw DashboardError.badParameter("group_by", "must be one of \(names), not '\(name)'")
        }
        return dimension
    }

    static func baselineText(_ report: AnomalyReport) -> String {
        let step = "\(report.stepSeconds / 60)-minute steps"
        switch report.baseline {
        case .seasonal?:
            return "Each of the \(step) is compared with the same time of day on earlier days (\(report.historyMinutes / 1_440) days of data)."
        case .trailing?:
            let history = report.historyMinutes >= 60 ? "\(report.historyMinutes / 60) h" : "\(report.historyMinutes) min"
            return "Each of the \(step) is compared with the ones just before (\(history) of data so far): "
                + "after a day of traffic the baseline learns the time of day."
        case nil:
            return "Not enough history yet to judge: the baseline needs ten steps of traffic before the range."
        }
    }

    private struct ChartKey: Hashable {
        var metric: AnomalyMetric
        var key: [String: String]
    }

    private func item(_ anomaly: Anomaly, _ report: AnomalyReport) -> AnomaliesView.Item {
        let query = context.query
        let lead = AnomalyAttribution.headline(anomaly.attribution)
        // The traces page filters by these: the anomaly's own series, then what drove it.
        var filters: [String: String?] = ["from": String(anomaly.start), "to": String(anomaly.end), "range": nil]
        for (name, value) in anomaly.key.merging(lead?.key ?? [:], uniquingKeysWith: { a, _ in a })
        where ["service", "user", "model", "project"].contains(name) {
            filters[name] = value
        }
        // A value that a listed pair already names says nothing more ("user u-1" under "user u-1 on gpt-4o").
        let pairs = anomaly.attribution.filter { $0.key.count > 1 }
        let drivers = anomaly.attribution.filter { share in
            share.key.count > 1 || !pairs.contains { pair in share.key.allSatisfy { pair.key[$0.key] == $0.value } && abs(pair.share - share.share) < 0.1 }
        }.prefix(3).map { share in
            "\(Anomaly.describe(share.key)): \(DisplayFormat.percent(min(share.share, 1))) of the change, "
                + "\(DisplayFormat.percent(share.baselineShare)) before"
        }
        let severe = anomaly.severity >= 10
        return AnomaliesView.Item(
            summary: anomaly.sentence(unit: report.unit), ongoing: anomaly.ongoing,
            severity: anomaly.severity >= 100 ? "100+" : String(format: "%.1f", anomaly.severity),
            severityClass: severe ? "critical" : "warning",
            when: "\(DisplayFormat.utcTime(anomaly.start, withDate: true))–\(DisplayFormat.utcTime(anomaly.end)) UTC",
            confidence: DisplayFormat.percent(anomaly.confidence), drivers: drivers, hasDrivers: !drivers.isEmpty,
            tracesHref: query.link(to: DashboardSection.traces.path, filters), chartId: Self.chartId(anomaly.metric, anomaly.key)
        )
    }

    private func chart(_ series: AnomalyReport.Series, _ report: AnomalyReport) -> String {
        let times = series.points.map(\.time)
        let marks = report.anomalies.filter { $0.metric == series.metric && $0.key == series.key }.compactMap { a -> TimeChart.Mark? in
            let first = times.firstIndex { $0 + report.stepSeconds > a.start } ?? 0
            let last = (times.lastIndex { $0 < a.end } ?? times.count - 1)
            guard first <= last else { return nil }
            return TimeChart.Mark(steps: first...last, label: "\(a.direction.rawValue), severity \(String(format: "%.1f", a.severity))")
        }
        var title = series.metric.label(unit: report.unit)
        if !series.key.isEmpty { title += " · " + Anomaly.describe(series.key) }
        let chart = TimeChart(
            title: title, format: Self.format(series.metric), times: times, stepSeconds: report.stepSeconds,
            series: [TimeChart.Series(name: "observed", values: series.points.map(\.value))],
            dataEnd: context.query.range.toNanos / 1_000_000_000,
            band: TimeChart.Band(name: "expected range", lower: series.points.map(\.lower), upper: series.points.map(\.upper)), marks: marks
        )
        return "<div id=\"\(Self.chartId(series.metric, series.key))\">\(chart.render())</div>"
    }

    /// An anchor for a series' chart: its metric and a hash of its key (values are attacker input).
    static func chartId(_ metric: AnomalyMetric, _ key: [String: String]) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in key.sorted(by: { $0.key < $1.key }).map({ "\($0.key)=\($0.value);" }).joined().utf8 {
            hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211
        }
        return "chart-\(metric.rawValue)" + (key.isEmpty ? "" : "-" + String(hash, radix: 36))
    }

    static func format(_ metric: AnomalyMetric) -> ValueFormat {
        switch metric {
        case .requests, .errors, .tokensPerRequest: return .count
        case .errorRate: return .rate
        case .latencyP95, .ttftP95: return .durationMs
        case .costUSD: return .dollars
        }
    }
}
