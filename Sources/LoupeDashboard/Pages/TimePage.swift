import LoupeAnalytics
import LoupeStore

/// Seed 000's latency breakdown: for one root operation, the share and percentiles of each stage
/// (embedding, vector search, LLM completion, context building, the unaccounted rest) over its
/// newest traces, with the slowest stage called out.
struct TimePage {
    static let parameters: Set<String> = ["root"]

    let context: PageContext

    func render() async throws -> RenderedPage {
        let query = context.query
        let report = try await context.analytics.breakdown(BreakdownQuery(
            range: query.range, project: query.filters[.project], service: query.filters[.service], rootName: query.parameters["root"]
        ))
        let operations = report.operations.prefix(12).map { op in
            TimeView.Operation(
                label: "\(op.service) · \(op.name)", href: query.link(DashboardSection.time.path, ["root": op.name, "service": op.service]),
                traces: op.traces, active: op == report.operation
            )
        }
        let slowest = report.slowest
        let view = TimeView(
            hasData: report.sampledTraces > 0, operations: Array(operations), operation: report.operation?.name ?? "",
            sampled: report.sampledTraces, total: report.operation?.traces ?? 0, window: TelemetryAnalytics.rootOperationWindow,
            p50: DisplayFormat.duration(ms: report.totalP50Ms), p95: DisplayFormat.duration(ms: report.totalP95Ms),
            callout: slowest.map { "\(StageBar.label($0.stage)), \(DisplayFormat.percent($0.share))" } ?? "–",
            // Mean time per request: its shares are the shares of all the time.
            bar: StageBar(parts: report.stages.map { ($0.stage, $0.meanMs) }).render(),
            stages: report.stages.map { s in
                TimeView.Stage(
                    stage: s.stage, label: StageBar.label(s.stage), share: DisplayFormat.percent(s.share), shareRaw: s.share,
                    mean: DisplayFormat.duration(ms: s.meanMs), p50: DisplayFormat.duration(ms: s.p50Ms),
                    p95: DisplayFormat.duration(ms: s.p95Ms), traces: s.traces
                )
            },
            tracesHref: query.link(to: DashboardSection.traces.path, [
                "service": report.operation?.service, "min_ms": report.totalP95Ms.map { String(Int($0)) },
            ])
        )
        return RenderedPage(
            title: "Where the time goes", content: context.templates.render(view, "time"),
            notice: query.unsupportedFilters([.project, .service])
        )
    }
}
