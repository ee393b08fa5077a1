import Foundation
import LoupeAlerts
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Cost by one dimension at a time (`by=model`, provider, service, user or a business dimension):
/// its share, cost per request or call and per 1k tokens, cached input, and the models Loupe
/// cannot price, shown as unknown.
struct CostPage {
    static let parameters: Set<String> = ["by"]

    let context: PageContext
    let dimensions: [TelemetryDimension]
    let budgets: BudgetBook?

    func render() async throws -> RenderedPage {
        let query = context.query
        let byName = query.parameters["by"] ?? "model"
        let choices = [TelemetryDimension.model, .provider, .service, .user] + dimensions.filter { !$0.isBuiltIn }
        guard let by = choices.first(where: { $0.name == byName }) else {
            throw DashboardError.badParameter("by", "'\(byName)' is not one of \(choices.map(\.name).joined(separator: ", "))")
        }
        let report = try await context.analytics.summary(SummaryQuery(range: query.range, groupBy: [by], filters: query.filters))
        // From rollups (they count unpriced calls per model), not from a scan of the spans.
        let byModel = try await context.analytics.summary(
            SummaryQuery(range: query.range, groupBy: [.provider, .model], filters: query.filters)
        )
        let unpriced = byModel.groups.filter { $0.measures.spans.unpricedCalls > 0 }
            .sorted { $0.measures.spans.unpricedCalls > $1.measures.spans.unpricedCalls }
        let totals = report.totals.measures
        let totalCost = totals.spans.knownCostUSD
        let unit = report.unit
        let rows = report.groups.filter { $0.measures.spans.pricedCalls > 0 || $0.measures.spans.unpricedCalls > 0 }
            .sorted { ($0.measures.spans.knownCostUSD ?? -1) > ($1.measures.spans.knownCostUSD ?? -1) }
            .map { group -> CostView.Row in
                let m = group.measures.spans
                let cost = m.knownCostUSD
                let name = group.key[by.name] ?? ""
                let count = group.measures[unit].count
                return CostView.Row(
                    name: name.isEmpty ? "(none)" : name, href: query.link(to: DashboardSection.overview.path, [by.name: name]),
                    cost: DisplayFormat.dollars(cost), costRaw: cost.map { OverviewPage.raw($0) } ?? "",
                    share: cost.flatMap { c in totalCost.map { DisplayFormat.percent($0 > 0 ? c / $0 : nil) } } ?? "–",
                    perUnit: cost.map { DisplayFormat.dollars(count > 0 ? $0 / Double(count) : nil) } ?? "unknown",
                    perThousandTokens: cost.map { DisplayFormat.dollars(m.totalTokens > 0 ? $0 / Double(m.totalTokens) * 1_000 : nil) } ?? "unknown",
                    tokens: DisplayFormat.count(m.totalTokens),
                    cachedShare: m.inputTokens > 0 ? DisplayFormat.percent(Double(m.cacheReadTokens) / Double(m.inputTokens)) : "–",
                    unpriced: m.unpricedCalls
                )
            }
        let requests = totals.requests.count
        let savings = context.analytics.prices.map {
            CacheSavings(byProviderAndModel: byModel.groups, catalog: $0, atUnixNanos: query.range.toNanos)
        }
        var cards = [
            OverviewView.Card(id: "cost", label: "cost", value: DisplayFormat.dollars(totalCost), raw: totalCost.map { OverviewPage.raw($0) } ?? "",
                              delta: "", deltaClass: "", note: "\(totals.spans.pricedCalls) priced calls"),
            OverviewView.Card(id: "per-request", label: "cost per request", value: DisplayFormat.dollars(totalCost.map { requests > 0 ? $0 / Double(requests) : 0 }),
                              raw: "", delta: "", deltaClass: "", note: "\(requests) requests"),
            OverviewView.Card(id: "per-1k", label: "cost per 1k tokens",
                              value: DisplayFormat.dollars(totalCost.map { totals.spans.totalTokens > 0 ? $0 / Double(totals.spans.totalTokens) * 1_000 : 0 }),
                              raw: "", delta: "", deltaClass: "", note: ""),
            OverviewView.Card(id: "unpriced", label: "unpriced calls", value: DisplayFormat.count(totals.spans.unpricedCalls),
                              raw: String(totals.spans.unpricedCalls), delta: "", deltaClass: "",
                              note: totals.spans.unpricedCalls > 0 ? "their cost is unknown and not included" : "every call is priced"),
        ]
        if let savings, savings.pricedTokens + savings.unpricedTokens > 0 {
            cards.insert(OverviewView.Card(
                id: "cache-savings", label: "saved by prompt caching", value: DisplayFormat.dollars(savings.savedUSD),
                raw: OverviewPage.raw(savings.savedUSD), delta: "", deltaClass: "",
                note: "\(DisplayFormat.count(savings.pricedTokens)) cached input tokens at today's prices"
                    + (savings.unpricedTokens > 0 ? "; \(DisplayFormat.count(savings.unpricedTokens)) more of unpriced models" : "")
            ), at: 3)
        }
        let forecast = try await forecastPanel()
        let budgetRows = try await budgetRows()
        let view = CostView(
            hasData: !rows.isEmpty, by: by.name, unit: unit == .requests ? "request" : unit == .calls ? "call" : "span",
            options: choices.map { .init(label: $0.name, href: query.link(DashboardSection.cost.path, ["by": $0.name]), active: $0 == by) },
            cards: cards, rows: rows, forecast: forecast, budgets: budgetRows, hasBudgets: !budgetRows.isEmpty,
            unpriced: unpriced.prefix(20).map { group in
                let m = group.measures.spans
                return .init(
                    provider: group.key["provider"] ?? "", model: group.key["model"].flatMap { $0.isEmpty ? nil : $0 } ?? "(no model)",
                    calls: m.unpricedCalls, tokens: m.pricedCalls == 0 ? DisplayFormat.count(m.totalTokens) : "–"
                )
            },
            hasUnpriced: !unpriced.isEmpty
        )
        return RenderedPage(title: "Cost", content: context.templates.render(view, "cost"))
    }

    /// The next week of hourly cost from the last four weeks (the page's filters apply, its range
    /// does not: a forecast starts now), drawn after the last week it learnt from.
    private func forecastPanel() async throws -> CostView.ForecastPanel {
        let query = context.query
        let report = try await context.analytics.forecast(ForecastQuery(
            metric: .costUSD, horizonSeconds: 7 * 86_400, stepSeconds: 3_600, filters: query.filters, nowNanos: query.range.toNanos
        ))
        guard let series = report.series.first, let forecast = series.forecast, let total = series.horizonTotal else {
            let hours = report.series.first?.historySteps ?? 0
            return .init(headline: nil, note: "A forecast needs two days of hourly cost; \(hours) whole hours are stored.", chart: nil)
        }
        let shown = series.history.suffix(7 * 24)
        let first = (series.points.first?.time ?? 0) - Int64(shown.count) * 3_600
        let times = (0..<(shown.count + series.points.count)).map { first + Int64($0) * 3_600 }
        let blank = [Double?](repeating: nil, count: shown.count)
        let chart = TimeChart(
            title: "Cost per hour: the last week, and the next", format: .dollars, times: times, stepSeconds: 3_600,
            series: [
                .init(name: "cost", values: shown.map { $0 } + [Double?](repeating: nil, count: series.points.count)),
                .init(name: "forecast", values: blank + series.points.map(\.mean)),
            ],
            wide: true,
            band: .init(name: "95% interval", lower: blank + series.points.map(\.lower), upper: blank + series.points.map(\.upper))
        )
        let error = forecast.backtestMAPE.map {
            String(format: "; off by %.0f%% on average over the last %d hours, forecast without them", $0 * 100, forecast.backtestPoints)
        } ?? ""
        return .init(
            headline: "≈ \(DisplayFormat.dollars(total)) over the next 7 days",
            note: "From \(series.historySteps) hours of history: \(forecast.method)\(error).", chart: chart.render()
        )
    }

    /// Every budget now (they ignore the page's range and filters: each has its own period and
    /// scope); under a project filter, only the budgets of that project, since a budget over
    /// several projects would show the others' spend.
    private func budgetRows() async throws -> [CostView.BudgetRow] {
        var rows: [CostView.BudgetRow] = []
        let project = context.query.filters[.project]
        for budget in await budgets?.budgets ?? [] where project == nil || budget.filters["project"] == project {
            let s = try await context.analytics.budgetStatus(budget, nowNanos: context.query.range.toNanos)
            let scope = budget.filters.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            rows.append(CostView.BudgetRow(
                name: budget.name, scope: scope.isEmpty ? "everything" : scope, period: budget.period.rawValue,
                state: s.state.rawValue.replacingOccurrences(of: "_", with: " "),
                stateClass: s.state == .exceeded ? "critical" : s.state == .ok ? "" : "warning",
                spent: "\(DisplayFormat.dollars(s.spentUSD)) of \(DisplayFormat.dollars(budget.amountUSD))", share: DisplayFormat.percent(s.spentShare),
                projected: s.projectedUSD.map { p in
                    "\(DisplayFormat.dollars(p)) (\(DisplayFormat.dollars(s.projectedLowerUSD))–\(DisplayFormat.dollars(s.projectedUpperUSD)))"
                } ?? "too little history",
                runOut: s.runOut.map { DisplayFormat.utcTime($0, withDate: true) + " UTC" } ?? "–",
                drivers: s.drivers.prefix(3).map { "\($0.dimension) \($0.value) \(DisplayFormat.dollars($0.costUSD))" }.joined(separator: ", ")
            ))
        }
        return rows
    }
}
