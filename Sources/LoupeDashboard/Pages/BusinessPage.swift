import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Seed 000's business impact on one page for someone deciding whether the pipeline is worth it:
/// ROI by business unit, query complexity and its trend, and what retrieval is missing (content
/// gaps by query category, documents used and unused). Follows the range and the project filter;
/// complexity follows the service filter too.
struct BusinessPage {
    static let parameters: Set<String> = []

    let context: PageContext
    let roiValues: RoiValues
    let gapDimension: String

    func render() async throws -> RenderedPage {
        let query = context.query
        let project = query.filters[.project]
        // Ten minutes or more a step: a minute's requests are too few to weigh value or work.
        let step = query.stepSeconds(coarse: true)
        async let roiRead = context.analytics.roi(query.range, values: roiValues, project: project, stepSeconds: step)
        async let complexityRead = context.analytics.complexity(
            query.range, stepSeconds: step, filters: query.filters.filter { [.project, .service].contains($0.key) }
        )
        async let retrievalRead = context.analytics.retrieval(query.range, project: project, gapDimension: gapDimension)
        let (roi, complexity, retrieval) = try await (roiRead, complexityRead, retrievalRead)
        let view = BusinessView(
            hasRoi: roi.total.requests > 0, roiBy: roiValues.by, roiCards: Self.roiCards(roi.total), units: roi.units.map(Self.unit),
            valuesConfigured: roi.total.valueUSD != nil, unpricedCalls: roi.unpricedCalls > 0 ? roi.unpricedCalls : nil,
            roiChart: roiChart(roi).render(), hasComplexity: (complexity.overall?.requests ?? 0) > 0,
            complexityCards: Self.complexityCards(complexity), complexityChart: complexityChart(complexity).render(),
            hasRetrieval: retrieval.overall.requests > 0, retrievalCards: Self.retrievalCards(retrieval), gapDimension: gapDimension,
            minScore: String(format: "%.2f", retrieval.minScore), gaps: retrieval.gaps.map(gap),
            mostUsed: retrieval.mostUsed.prefix(10).map(Self.document), unused: retrieval.unused.prefix(10).map(Self.document),
            hasUnused: !retrieval.unused.isEmpty, otlpEndpoint: context.otlpEndpoint
        )
        return RenderedPage(
            title: "Business impact", content: context.templates.render(view, "business"),
            notice: query.unsupportedFilters([.project, .service])
        )
    }

    static func money(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value < 0 ? "−" + DisplayFormat.dollars(-value) : DisplayFormat.dollars(value)
    }

    static func roiCards(_ t: RoiLine) -> [BusinessView.Card] {
        [
            BusinessView.Card(id: "value", label: "value of successful requests", value: money(t.valueUSD)),
            BusinessView.Card(id: "cost", label: "cost", value: money(t.costUSD)),
            BusinessView.Card(id: "net", label: "net", value: money(t.netUSD)),
            BusinessView.Card(id: "roi", label: "ROI", value: t.roi.map { String(format: "%.0f%%", $0 * 100) } ?? "–"),
            BusinessView.Card(id: "cost-per-success", label: "cost per successful request", value: t.costPerSuccessUSD.map { String(format: "$%.4f", $0) } ?? "–"),
            BusinessView.Card(id: "success", label: "successful requests", value: DisplayFormat.percent(t.successRate)),
            BusinessView.Card(id: "hours-saved", label: "hours saved", value: t.minutesSaved.map { String(format: "%.1f", $0 / 60) } ?? "–"),
        ]
    }

    static func unit(_ l: RoiLine) -> BusinessView.Unit {
        BusinessView.Unit(
            unit: l.unit.isEmpty ? "(none)" : l.unit, requests: l.requests, success: DisplayFormat.percent(l.successRate), cost: money(l.costUSD),
            value: money(l.valueUSD), net: money(l.netUSD), negative: (l.netUSD ?? 0) < 0,
            roi: l.roi.map { String(format: "%.0f%%", $0 * 100) } ?? "–", costPerSuccess: l.costPerSuccessUSD.map { String(format: "$%.4f", $0) } ?? "–",
            hoursSaved: l.minutesSaved.map { String(format: "%.1f", $0 / 60) } ?? "–"
        )
    }

    /// Value and cost per step: where the lines cross, the pipeline stops paying for itself.
    private func roiChart(_ r: RoiReport) -> TimeChart {
        let (times, index) = steps(r.stepSeconds)
        var value = [Double?](repeating: nil, count: times.count), cost = value
        for line in r.overTime {
            guard let minute = Int64(line.unit), let i = index(minute * 60) else { continue }
            value[i] = line.valueUSD
            cost[i] = line.costUSD
        }
        var series = [TimeChart.Series(name: "cost", values: cost)]
        if r.total.valueUSD != nil { series.insert(TimeChart.Series(name: "value", values: value), at: 0) }
        return TimeChart(
            title: "Value and cost per \(OverviewPage.stepText(r.stepSeconds))", format: .dollars, times: times, stepSeconds: r.stepSeconds,
            series: series, wide: true, dataEnd: context.query.range.toNanos / 1_000_000_000
        )
    }

    private func complexityChart(_ c: ComplexityReport) -> TimeChart {
        let (times, index) = steps(c.stepSeconds)
        var score = [Double?](repeating: nil, count: times.count), calls = score, tools = score
        for p in c.points {
            guard let i = index(p.minute * 60) else { continue }
            (score[i], calls[i], tools[i]) = (p.score, p.llmCalls, p.toolCalls)
        }
        return TimeChart(
            title: "Work per request, per \(OverviewPage.stepText(c.stepSeconds))", format: .count, times: times, stepSeconds: c.stepSeconds,
            series: [.init(name: "complexity score", values: score), .init(name: "model calls", values: calls), .init(name: "tool calls", values: tools)],
            wide: true, dataEnd: context.query.range.toNanos / 1_000_000_000
        )
    }

    /// The range's steps on clock boundaries (as the reports align them), and the step a time falls in.
    private func steps(_ stepSeconds: Int64) -> ([Int64], (Int64) -> Int?) {
        let range = context.query.range
        let first = UnixMinute.floorDivide(range.fromNanos / 1_000_000_000, stepSeconds) * stepSeconds
        let times = Array(stride(from: first, to: range.toNanos / 1_000_000_000, by: Int(stepSeconds)))
        return (times, { seconds in
            let i = Int(UnixMinute.floorDivide(seconds - first, stepSeconds))
            return times.indices.contains(i) ? i : nil
        })
    }

    static func complexityCards(_ c: ComplexityReport) -> [BusinessView.Card] {
        guard let o = c.overall else { return [] }
        let change = c.relativeChange.map { String(format: "%+.0f%% over the range", $0 * 100) } ?? "–"
        return [
            BusinessView.Card(id: "complexity-score", label: "complexity score", value: String(format: "%.1f", o.score)),
            BusinessView.Card(id: "complexity-trend", label: "trend", value: change),
            BusinessView.Card(id: "llm-calls", label: "model calls per request", value: String(format: "%.2f", o.llmCalls)),
            BusinessView.Card(id: "tool-calls", label: "tool calls per request", value: String(format: "%.2f", o.toolCalls)),
            BusinessView.Card(id: "retrievals", label: "retrievals per request", value: String(format: "%.2f", o.retrievals)),
            BusinessView.Card(id: "input-tokens", label: "input tokens per request", value: DisplayFormat.count(o.inputTokens)),
        ]
    }

    static func retrievalCards(_ r: RetrievalReport) -> [BusinessView.Card] {
        let o = r.overall
        return [
            BusinessView.Card(id: "retrieved-requests", label: "requests with retrieval", value: DisplayFormat.count(Int64(o.requests))),
            BusinessView.Card(id: "top-score", label: "mean best score", value: o.meanTopScore.map { String(format: "%.2f", $0) } ?? "–"),
            BusinessView.Card(id: "low-relevance", label: "found nothing relevant", value: DisplayFormat.percent(o.lowShare)),
            BusinessView.Card(id: "context-used", label: "context kept by reranking", value: DisplayFormat.percent(o.contextUtilisation)),
            BusinessView.Card(id: "documents", label: "distinct documents", value: DisplayFormat.count(Int64(r.distinctDocuments))),
        ]
    }

    private func gap(_ g: ContentGap) -> BusinessView.Gap {
        BusinessView.Gap(
            group: g.group.isEmpty ? "(none)" : g.group, requests: g.requests, gaps: g.gaps, share: DisplayFormat.percent(g.gapShare),
            empty: g.empty, low: g.lowRelevance, disliked: g.negativeFeedback, topScore: g.meanTopScore.map { String(format: "%.2f", $0) } ?? "–",
            examples: g.exampleTraces.map { ViewLink(label: String($0.prefix(8)), href: context.query.link(to: "/ui/traces/\($0)"), active: false) }
        )
    }

    static func document(_ d: DocumentUse) -> BusinessView.Document {
        BusinessView.Document(id: d.id, retrievals: d.retrievals, score: d.meanScore.map { String(format: "%.2f", $0) } ?? "–")
    }
}
