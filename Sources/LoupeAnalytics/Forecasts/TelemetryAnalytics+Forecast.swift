import LoupeCore
import LoupeStore

extension TelemetryAnalytics {
    /// The query's metric forecast per step over its horizon, per series, by ``Forecast/make(_:periods:horizon:)``
    /// over the history read from hourly or daily rollups. Steps before a series' first data are
    /// not history (the store was not collecting), so a young series is forecast from what it has.
    public func forecast(_ query: ForecastQuery) async throws -> ForecastReport {
        let grouping = query.groupBy.map { [$0] } ?? []
        let buckets = try await buckets(query.history, stepSeconds: query.stepSeconds, groupBy: grouping, filters: query.filters)
        let unit = CountUnit.fitting(grouping + query.filters.keys)
        let ranked = buckets.groups.map { key, steps in (key, steps.map { query.metric.value($0, unit: unit) }) }
            .filter { $0.1.contains { $0 > 0 } }
            .sorted { ($0.1.reduce(0, +), $1.0.description) > ($1.1.reduce(0, +), $0.0.description) }
            .prefix(query.groupBy == nil ? 1 : query.groupLimit)
        let firstStep = buckets.time(ofStep: buckets.stepCount)
        let series = ranked.map { values, steps in
            let history = Array(steps.drop { $0 == 0 })
            let forecast = Forecast.make(history, periods: query.periods, horizon: query.horizonSteps)
            let points = forecast?.points.map { p in
                ForecastReport.Point(
                    time: firstStep + Int64(p.step - 1) * query.stepSeconds, mean: max(0, p.mean), lower: max(0, p.lower), upper: max(0, p.upper)
                )
            } ?? []
            return ForecastReport.Series(
                key: Dictionary(uniqueKeysWithValues: zip(buckets.groupBy, values)), history: history, forecast: forecast, points: points,
                horizonTotal: forecast == nil ? nil : points.reduce(0) { $0 + $1.mean }
            )
        }
        return ForecastReport(query: query, unit: unit, series: Array(series))
    }
}
