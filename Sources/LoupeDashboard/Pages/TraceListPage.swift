import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Recent traces, newest first, filtered by service, model, user, session, status, duration, cost
/// and business dimensions.
struct TraceListPage {
    static let parameters: Set<String> = ["status", "min_ms", "min_cost", "session"]
    static let limit = 200

    let context: PageContext

    func render() async throws -> RenderedPage {
        let query = context.query
        var filters = query.filters
        if let status = query.parameters["status"] {
            guard status == "ok" || status == "error" else { throw DashboardError.badParameter("status", "'\(status)' is not ok or error") }
            filters[.status] = status
        }
        let minMs = try number("min_ms")
        let minCost = try number("min_cost")
        let session = query.parameters["session"]
        // The query leaves out what a trace list cannot filter by; the notice below says so.
        let unfilterable = TraceQuery.unfilterable(filters)
        // The status was checked above, the one filter the query's initialiser refuses.
        let traceQuery = try TraceQuery(
            range: query.range, filters: filters, limit: Self.limit + 1, session: session, minDurationMs: minMs, minCostUSD: minCost
        )
        let traces = try await context.analytics.traces(traceQuery)
        let matching = traces
        let rows = matching.prefix(Self.limit).map { t in
            let seconds = t.startNanos / 1_000_000_000
            return TraceListView.Row(
                href: query.link(to: "/ui/traces/\(t.traceId)"),
                time: DisplayFormat.utcTime(seconds, withDate: true), iso: DisplayFormat.iso(seconds),
                name: t.rootName ?? "(root not arrived)", service: t.service, duration: DisplayFormat.duration(ms: t.durationMs),
                durationMs: t.durationMs, spans: t.spanCount, errors: t.errorCount, failed: t.errorCount > 0,
                tokens: DisplayFormat.count(t.inputTokens + t.outputTokens), cost: t.inputTokens + t.outputTokens > 0 ? DisplayFormat.dollars(t.costUSD) : "–", costRaw: t.costUSD,
                user: t.userId ?? "", session: t.sessionId,
                sessionHref: t.sessionId.map { query.link("/ui/traces", ["session": $0]) }
            )
        }
        let statuses = [("all", nil), ("failed", "error"), ("ok", "ok")].map { label, value in
            ViewLink(label: label, href: query.link("/ui/traces", ["status": value]), active: query.parameters["status"] == value)
        }
        let view = TraceListView(
            rows: rows, hasRows: !rows.isEmpty, statuses: statuses, limit: Self.limit, truncated: matching.count > Self.limit,
            otlpEndpoint: context.otlpEndpoint, minMs: query.parameters["min_ms"] ?? "", minCost: query.parameters["min_cost"] ?? "",
            session: session, allSessionsHref: query.link("/ui/traces", ["session": nil]),
            hidden: query.parameters.filter { !["min_ms", "min_cost"].contains($0.key) }.sorted { $0.key < $1.key }
                .map { LayoutView.Field(name: $0.key, value: $0.value) }
        )
        return RenderedPage(
            title: "Traces", content: context.templates.render(view, "traces"),
            notice: unfilterable.isEmpty ? "" : "Traces are not filtered by \(unfilterable.map(\.name).joined(separator: ", ")): it describes single spans."
        )
    }

    private func number(_ name: String) throws(DashboardError) -> Double? {
        guard let text = context.query.parameters[name] else { return nil }
        guard let value = Double(text), value >= 0, value.isFinite else {
            throw .badParameter(name, "'\(text)' is not a non-negative number")
        }
        return value
    }
}
