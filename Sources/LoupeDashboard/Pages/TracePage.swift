import LoupeAnalytics
import LoupeCore
import LoupeStore

/// One trace: its stage breakdown, a waterfall of its spans (paged, so a trace of thousands of
/// spans stays usable), and the selected span's attributes, content and error.
struct TracePage {
    static let parameters: Set<String> = ["span", "offset"]
    /// Waterfall rows per page: a 5,000-span trace is a dozen pages, each light.
    static let rowsPerPage = 400

    let context: PageContext
    let traceId: String

    func render() async throws -> RenderedPage {
        let id = traceId.lowercased()
        guard id.count == 32, id.allSatisfy(\.isHexDigit) else {
            throw DashboardError.badParameter("trace", "'\(traceId)' is not a 32-character hex trace id")
        }
        guard let detail = try await context.analytics.trace(id: id, project: context.query.filters[.project]) else {
            throw DashboardError.notFound("No trace \(id) is stored. It may be outside the retention period, or its spans have not arrived yet.")
        }
        let ordered = detail.rows
        let spans = ordered.map(\.span)
        let start = spans.map(\.startNanos).min() ?? 0
        let end = spans.map(\.endNanos).max() ?? start
        let total = Double(max(1, end - start))

        let query = context.query
        let selectedId = query.parameters["span"] ?? defaultSpan(spans)?.spanId
        let selectedIndex = ordered.firstIndex { $0.span.spanId == selectedId }
        let requested = try offset()
        // A selected span on another page brings its page into view.
        let offset = query.parameters["offset"] == nil
            ? (selectedIndex.map { $0 / Self.rowsPerPage * Self.rowsPerPage } ?? 0) : requested
        let page = ordered.dropFirst(offset).prefix(Self.rowsPerPage)
        let rows = page.map { item -> TraceView.Row in
            let s = item.span
            let x = Double(s.startNanos - start) / total * 1000
            let w = max(2, Double(s.endNanos - s.startNanos) / total * 1000)
            let tip = "\(s.name) · \(DisplayFormat.duration(ms: s.durationMs)) · starts at +\(DisplayFormat.duration(ms: Double(s.startNanos - start) / 1e6))"
            let bar = "<svg class=\"span\" viewBox=\"0 0 1000 10\" preserveAspectRatio=\"none\"><rect class=\"op-\(s.operation.rawValue)\""
                + " x=\"\(TimeChart.fmt(min(x, 998)))\" y=\"0\" width=\"\(TimeChart.fmt(w))\" height=\"10\" data-tip=\"\(HTML.escape(tip))\"/></svg>"
            return TraceView.Row(
                spanId: s.spanId, href: query.link("/ui/traces/\(id)", ["span": s.spanId, "offset": String(offset)]) + "#span-detail",
                indent: min(item.place.depth, DashboardStyle.maxIndent), name: s.name, operation: s.operation.rawValue, model: s.model ?? "",
                duration: DisplayFormat.duration(ms: s.durationMs),
                tokens: s.usage.isReported ? DisplayFormat.count((s.usage.input ?? 0) + (s.usage.output ?? 0)) + (s.countsUsage ? "" : "*") : "",
                cost: s.countsUsage && s.usage.isReported ? DisplayFormat.dollars(s.costUSD) : "",
                failed: s.isError, selected: s.spanId == selectedId, bar: bar
            )
        }
        let selected = selectedIndex.map { ordered[$0].span } ?? spans.first
        var facts: [TraceView.Pair] = [
                .init(key: "duration", value: DisplayFormat.duration(ms: Double(end - start) / 1e6)),
                .init(key: "spans", value: String(detail.spanCount)),
                .init(key: "failed spans", value: String(spans.count(where: \.isError))),
                .init(key: "tokens", value: DisplayFormat.count(detail.inputTokens + detail.outputTokens)),
                .init(key: "cost", value: DisplayFormat.dollars(detail.costUSD)),
            ]
        // Spans from many processes need not form a tree: say so rather than hide it.
        if detail.orphanCount > 0 { facts.append(.init(key: "parent never received", value: String(detail.orphanCount))) }
        if detail.cycleCount > 0 { facts.append(.init(key: "parent cycles (broken)", value: String(detail.cycleCount))) }
        let view = TraceView(
            traceId: id,
            facts: facts,
            stages: StageBar(breakdown: detail.breakdown).render(), rows: Array(rows),
            previousHref: query.link("/ui/traces/\(id)", ["offset": String(max(0, offset - Self.rowsPerPage))]),
            nextHref: query.link("/ui/traces/\(id)", ["offset": String(min(max(0, spans.count - 1), offset + Self.rowsPerPage))]),
            pageText: "spans \(offset + 1)–\(offset + rows.count) of \(spans.count)", paged: spans.count > Self.rowsPerPage,
            span: selected.map { SpanPanelBuilder(span: $0, traceStart: start, logs: detail.logs(ofSpan: $0.spanId)).build() } ?? SpanPanelBuilder.empty,
            backHref: query.link(to: DashboardSection.traces.path)
        )
        return RenderedPage(title: "Trace \(id.prefix(8))…", content: context.templates.render(view, "trace"))
    }

    /// The deepest failure (its root cause) when the trace failed, else its first span.
    private func defaultSpan(_ spans: [SpanRecord]) -> SpanRecord? {
        let failedParents = Set(spans.filter(\.isError).compactMap(\.parentSpanId))
        return spans.first { $0.isError && !failedParents.contains($0.spanId) } ?? spans.first
    }

    private func offset() throws(DashboardError) -> Int {
        guard let text = context.query.parameters["offset"] else { return 0 }
        guard let value = Int(text), value >= 0 else { throw .badParameter("offset", "'\(text)' is not a span position") }
        return value
    }
}
