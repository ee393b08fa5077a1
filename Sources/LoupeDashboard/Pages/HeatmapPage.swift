import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Seed 000's performance heatmap: p95 latency by hour of day (UTC) × operation, service, model or
/// a business dimension such as query category, from hourly rollups.
struct HeatmapPage {
    static let parameters: Set<String> = ["by"]
    /// Colour levels, from fastest to slowest cell.
    static let levels = 6

    let context: PageContext
    let dimensions: [TelemetryDimension]

    func render() async throws -> RenderedPage {
        let query = context.query
        let choices = [TelemetryDimension.operation, .service, .model] + dimensions.filter { !$0.isBuiltIn }
        // Operation by default: it reads the small core rollups; a business dimension reads the larger business ones.
        let byName = query.parameters["by"] ?? TelemetryDimension.operation.name
        guard let by = choices.first(where: { $0.name == byName }) else {
            throw DashboardError.badParameter("by", "'\(byName)' is not one of \(choices.map(\.name).joined(separator: ", "))")
        }
        let unit = CountUnit.fitting([by] + query.filters.keys)
        let buckets = try await context.analytics.buckets(query.range, stepSeconds: 3_600, groupBy: [by], filters: query.filters)
        var byHour: [String: [UnitMeasures]] = [:]
        for (key, steps) in buckets.groups {
            var hours = Array(repeating: UnitMeasures(), count: 24)
            for (i, m) in steps.enumerated() {
                let hour = Int(((buckets.time(ofStep: i) / 3_600) % 24 + 24) % 24)
                hours[hour].merge(m)
            }
            byHour[key.first ?? ""] = hours
        }
        let p95s = byHour.values.flatMap { $0.compactMap { $0[unit].latency.quantile(0.95) } }
        let (low, high) = (p95s.min() ?? 0, p95s.max() ?? 0)
        let rows = byHour.filter { $0.value.contains { $0[unit].count > 0 } }.sorted { $0.key < $1.key }.map { name, hours in
            HeatmapView.Row(name: name.isEmpty ? "(none)" : name, cells: hours.enumerated().map { hour, m in
                let measures = m[unit]
                guard let p95 = measures.latency.quantile(0.95), measures.count > 0 else {
                    return HeatmapView.Cell(text: "", level: 0, tip: "\(hour):00 UTC: no \(unit.rawValue)", raw: "")
                }
                let level = high > low ? 1 + Int(((p95 - low) / (high - low) * Double(Self.levels - 1)).rounded()) : 1
                return HeatmapView.Cell(
                    text: DisplayFormat.duration(ms: p95), level: level,
                    tip: "\(hour):00 UTC · \(measures.count) \(unit.rawValue) · p95 \(DisplayFormat.duration(ms: p95)) · p50 \(DisplayFormat.duration(ms: measures.latency.quantile(0.5)))",
                    raw: OverviewPage.raw(p95)
                )
            })
        }
        let view = HeatmapView(
            hasData: !rows.isEmpty, by: by.name, unit: unit.rawValue,
            options: choices.map { .init(label: $0.name, href: query.link(DashboardSection.heatmap.path, ["by": $0.name]), active: $0 == by) },
            hours: (0..<24).map { String(format: "%02d", $0) }, rows: rows, shortRange: query.seconds < 86_400,
            longRangeHref: query.link(DashboardSection.heatmap.path, ["range": "7d", "from": nil, "to": nil])
        )
        return RenderedPage(title: "Latency heatmap", content: context.templates.render(view, "heatmap"))
    }
}
