import Foundation
import LoupeCore
import LoupeAnalytics
import LoupeStore

/// A comparison matrix, one row per model: calls, error rate, latency percentiles, time to first
/// token, output speed, tokens per call, context utilisation, and cost per call and per 1k output
/// tokens, the best of each column marked.
struct ModelsPage {
    let context: PageContext
    /// Limits shown against each model's busiest minute, whatever the page's range (they are about now).
    var rateLimits: [RateLimit] = []

    /// A column: its label, what it means, how to read it from a group, and whether lower is better.
    private struct Measure: Sendable {
        var label: String
        var hint: String
        var lowerIsBetter: Bool?
        var value: @Sendable (SummaryGroup) -> Double?
        var text: @Sendable (Double?) -> String
    }

    /// The measures, with context utilisation when a price catalog knows context windows.
    private var measures: [Measure] {
        var measures = Self.measures
        if let catalog = context.analytics.prices {
            let now = context.query.range.toNanos
            let utilisation = Measure(
                label: "context used", hint: "input tokens per call / the model's context window (from the price catalog)",
                lowerIsBetter: nil,
                value: { g in
                    guard g.measures.calls.count > 0, let model = g.key["model"], !model.isEmpty,
                        let window = catalog.price(provider: nil, model: model, atUnixNanos: now)?.contextWindow, window > 0
                    else { return nil }
                    return Double(g.measures.spans.inputTokens) / Double(g.measures.calls.count) / Double(window)
                },
                text: { DisplayFormat.percent($0) }
            )
            measures.insert(utilisation, at: measures.firstIndex { $0.label == "input tok/call" }.map { $0 + 1 } ?? measures.count)
        }
        return measures
    }

    private static let measures: [Measure] = [
        .init(label: "calls", hint: "model calls", lowerIsBetter: nil, value: { Double($0.measures.calls.count) }, text: { DisplayFormat.count($0 ?? 0) }),
        .init(label: "error rate", hint: "failed calls / calls", lowerIsBetter: true, value: { $0.measures.calls.errorRate }, text: { DisplayFormat.percent($0) }),
        .init(label: "p50", hint: "median call latency", lowerIsBetter: true, value: { $0.measures.calls.latency.quantile(0.5) }, text: { DisplayFormat.duration(ms: $0) }),
        .init(label: "p95", hint: "95th percentile call latency", lowerIsBetter: true, value: { $0.measures.calls.latency.quantile(0.95) }, text: { DisplayFormat.duration(ms: $0) }),
        .init(label: "p99", hint: "99th percentile call latency", lowerIsBetter: true, value: { $0.measures.calls.latency.quantile(0.99) }, text: { DisplayFormat.duration(ms: $0) }),
        .init(label: "TTFT p50", hint: "median time to first token of streamed calls (percentiles in the API)", lowerIsBetter: true,
              value: { $0.measures.calls.timeToFirstToken.quantile(0.5) }, text: { DisplayFormat.duration(ms: $0) }),
        .init(label: "output tok/s", hint: "output tokens per second of call time", lowerIsBetter: false, value: { g in
            let m = g.measures.calls
            return m.durationSumMs > 0 && m.outputTokens > 0 ? Double(m.outputTokens) / (m.durationSumMs / 1_000) : nil
        }, text: { $0.map { String(format: "%.0f", $0) } ?? "–" }),
        .init(label: "input tok/call", hint: "input tokens per call: how much context is sent", lowerIsBetter: nil, value: { g in
            g.measures.calls.count > 0 ? Double(g.measures.spans.inputTokens) / Double(g.measures.calls.count) : nil
        }, text: { $0.map { DisplayFormat.count($0.rounded()) } ?? "–" }),
        .init(label: "$/call", hint: "cost per priced call", lowerIsBetter: true, value: { g in
            let m = g.measures.spans
            return m.pricedCalls > 0 ? m.costUSD / Double(m.pricedCalls) : nil
        }, text: { $0 == nil ? "unknown" : DisplayFormat.dollars($0) }),
        .init(label: "$/1k out", hint: "cost per 1,000 output tokens", lowerIsBetter: true, value: { g in
            let m = g.measures.spans
            return m.pricedCalls > 0 && m.outputTokens > 0 ? m.costUSD / Double(m.outputTokens) * 1_000 : nil
        }, text: { $0 == nil ? "unknown" : DisplayFormat.dollars($0) }),
    ]

    func render() async throws -> RenderedPage {
        let query = context.query
        let report = try await context.analytics.summary(
            SummaryQuery(range: query.range, groupBy: [.operation, .model], filters: query.filters)
        )
        let byOperation = Dictionary(grouping: report.groups.filter { $0.measures.calls.count > 0 }) { $0.key["operation"] ?? "" }
        let measures = measures
        let sections = byOperation.sorted { $0.key < $1.key }.map { operation, groups in
            ModelsView.Section(operation: operation, rows: rows(groups, measures))
        }
        let capacity = try await capacityRows()
        let view = ModelsView(
            hasData: !sections.isEmpty, columns: measures.map { .init(label: $0.label, hint: $0.hint) }, sections: sections,
            capacity: capacity, hasCapacity: !capacity.isEmpty
        )
        return RenderedPage(title: "Models", content: context.templates.render(view, "models"))
    }

    /// One row per model, most calls first, the best value of each column marked.
    private func rows(_ groups: [SummaryGroup], _ measures: [Measure]) -> [ModelsView.Row] {
        let groups = groups.sorted { $0.measures.calls.count > $1.measures.calls.count }
        let values = groups.map { g in measures.map { $0.value(g) } }
        let best: [Double?] = measures.indices.map { c in
            guard let lower = measures[c].lowerIsBetter else { return nil }
            let column = values.compactMap { $0[c] }
            return lower ? column.min() : column.max()
        }
        return zip(groups, values).map { group, row in
            let model = group.key["model"] ?? ""
            return ModelsView.Row(
                model: model.isEmpty ? "(no model)" : model, href: context.query.link(to: DashboardSection.overview.path, ["model": model]),
                cells: row.enumerated().map { c, value in
                    ModelsView.Cell(
                        text: measures[c].text(value), raw: value.map { OverviewPage.raw($0) } ?? "",
                        best: groups.count > 1 && value != nil && value == best[c]
                    )
                }
            )
        }
    }

    /// Each rate limit against its model: the last day's busiest minute and the next week's expected one.
    private func capacityRows() async throws -> [ModelsView.CapacityRow] {
        var rows: [ModelsView.CapacityRow] = []
        for limit in rateLimits {
            for r in try await context.analytics.capacity(limit, project: context.query.filters[.project], nowNanos: context.query.range.toNanos) {
                let peak = r.hours.map(\.peakPerMinute).max()
                func share(_ value: Double) -> String { "\(DisplayFormat.count(value)) (\(DisplayFormat.percent(value / r.perMinute)))" }
                rows.append(ModelsView.CapacityRow(
                    model: (limit.provider.map { "\($0) " } ?? "") + limit.model,
                    limit: "\(DisplayFormat.count(r.perMinute)) \(r.kind == .tokens ? "tokens" : "requests") a minute",
                    recent: share(r.recentPeak), expected: peak.map(share),
                    firstBreach: r.firstBreach.map { DisplayFormat.utcTime($0, withDate: true) + " UTC" } ?? "–",
                    stateClass: r.firstBreach != nil ? "critical" : (peak ?? r.recentPeak) >= 0.8 * r.perMinute ? "warning" : "",
                    sentence: r.sentence
                ))
            }
        }
        return rows
    }
}
