import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Recent traces, newest first, filtered by service, user, status, duration and cost.
struct TraceListPage {
    static let parameters: Set<String> = ["status", "min_ms", "min_cost"]
    static let limit = 200

    let context: PageContext

    func render() async throws -> RenderedPage {
        let query = context.query
        var hasErrors: Bool?
        switch query.parameters["status"] {
        case nil: hasErrors = nil
        case "error": hasErrors = true
        case "ok": hasErrors = false
        case let other?: throw DashboardError.badParameter("status", "'\(other)' is not ok or error")
        }
        let minMs = try number("min_ms")
        let minCost = try number("min_cost")
        // Duration and cost are kept per trace, not indexed: read more, then keep those that match.
        let fetch = minMs == nil && minCost == nil ? Self.limit : 2_000
        let traces = try await context.analytics.traces(TraceQuery(
            fromNanos: query.range.fromNanos, toNanos: query.range.toNanos, limit: fetch + 1,
            project: query.filters[.project], service: query.filters[.service], user: query.filters[.user], hasErrors: hasErrors
        ))
        let matching = traces.prefix(fetch).filter { t in
            (minMs.map { t.durationMs >= $0 } ?? true) && (minCost.map { t.costUSD >= $0 } ?? true)
        }
        let rows = matching.prefix(Self.limit).map { t in
            let seconds = t.startNanos / 1_000_000_000
            return TraceListView.Row(
                href: query.link(to: "/ui/traces/\(t.traceId)"),
                time: DisplayFormat.utcTime(seconds, withDate: true), iso: DisplayFormat.iso(seconds),
                name: t.rootName ?? "(root not arrived)", service: t.service, duration: DisplayFormat.duration(ms: t.durationMs),
                durationMs: t.durationMs, spans: t.spanCount, errors: t.errorCount, failed: t.errorCount > 0,
                tokens: DisplayFormat.count(t.inputTokens + t.outputTokens), cost: t.inputTokens + t.outputTokens > 0 ? DisplayFormat.dollars(t.costUSD) : "–", costRaw: t.costUSD,
                user: t.userId ?? ""
            )
        }
        let statuses = [("all", nil), ("failed", "error"), ("ok", "ok")].map { label, value in
            ViewLink(label: label, href: query.link("/ui/traces", ["status": value]), active: query.parameters["status"] == value)
        }
        let view = TraceListView(
            rows: rows, hasRows: !rows.isEmpty, statuses: statuses, limit: Self.limit,
            truncated: traces.count > fetch || matching.count > Self.limit, otlpEndpoint: context.otlpEndpoint
        )
        return RenderedPage(
            title: "Traces", content: context.templates.render(view, "traces"),
            notice: query.unsupportedFilters([.project, .service, .user, .status])
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
