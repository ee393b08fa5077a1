import LoupeCore
import LoupeStore

extension TelemetryAnalytics {
    /// A budget's state at `nowNanos`: known cost of its spans since the period began, the hourly
    /// cost forecast (``forecast(_:)``) of the rest of the period, the hour that forecast crosses
    /// the amount, and the models and users that spent most.
    public func budgetStatus(_ budget: Budget, nowNanos: Int64) async throws -> BudgetStatus {
        let (start, end) = budget.bounds(at: nowNanos)
        let filters = budget.filterDimensions
        let toDate = TimeRange(fromNanos: start * 1_000_000_000, toNanos: max(start * 1_000_000_000 + 1, nowNanos))
        async let byModel = summary(SummaryQuery(range: toDate, groupBy: [.model], filters: filters, latency: false))
        async let byUser = summary(SummaryQuery(range: toDate, groupBy: [.user], filters: filters, latency: false))
        // The rest of the period, hour by hour from the current (partial) hour, read beside the spend.
        let hourStart = nowNanos / 3_600_000_000_000 * 3_600
        let remaining = max(0, end - hourStart)
        async let rest = remaining > 0
            ? forecast(ForecastQuery(metric: .costUSD, horizonSeconds: remaining, filters: filters, nowNanos: nowNanos)) : nil
        let (models, users) = try await (byModel, byUser)
        let spent = models.totals.measures.spans.knownCostUSD ?? 0
        func drivers(_ report: SummaryReport, _ dimension: String) -> [BudgetStatus.Driver] {
            report.groups.compactMap { group in
                guard let value = group.key[dimension], !value.isEmpty, let cost = group.measures.spans.knownCostUSD, cost > 0 else { return nil }
                return BudgetStatus.Driver(dimension: dimension, value: value, costUSD: cost)
            }.sorted { ($0.costUSD, $1.value) > ($1.costUSD, $0.value) }.prefix(3).map { $0 }
        }

        var projected: Double?
        var lower: Double?
        var upper: Double?
        var runOut: Int64?
        var method: String?
        if let report = try await rest {
            if let series = report.series.first, let forecast = series.forecast {
                // The current hour is partly spent already: only its rest is still to come.
                let elapsed = Double(nowNanos / 1_000_000_000 - hourStart) / 3_600
                var (mean, low, high) = (spent, spent, spent)
                for (i, point) in series.points.enumerated() {
                    let part = i == 0 ? 1 - elapsed : 1
                    mean += point.mean * part
                    low += point.lower * part
                    high += point.upper * part
                    if runOut == nil, mean >= budget.amountUSD, spent < budget.amountUSD { runOut = point.time }
                }
                (projected, lower, upper, method) = (mean, low, high, forecast.method)
            }
        }
        return BudgetStatus(
            budget: budget, periodStart: start, periodEnd: end, spentUSD: spent, projectedUSD: projected, projectedLowerUSD: lower,
            projectedUpperUSD: upper, runOut: runOut, state: BudgetStatus.state(spent: spent, projected: projected, amount: budget.amountUSD),
            drivers: drivers(models, "model") + drivers(users, "user"), forecastMethod: method
        )
    }
}
