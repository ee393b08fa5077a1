import Foundation
import Hummingbird
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// The JSON query API under `/api/v1`.
struct QueryRoutes<Context: RequestContext>: Sendable {
    let analytics: TelemetryAnalytics
    let businessDimensions: [String]
    /// Unix nanoseconds; injected so tests control "the last hour".
    let now: @Sendable () -> Int64

    func addRoutes(to router: Router<Context>) {
        let api = router.group("api/v1")
        api.get("summary") { request, _ in try await summary(request) }
        api.get("timeseries") { request, _ in try await timeseries(request) }
        api.get("traces") { request, _ in try await traces(request) }
        api.get("errors") { request, _ in try await errors(request) }
        api.get("breakdown") { request, _ in try await breakdown(request) }
        api.get("health/models") { request, _ in try await modelHealth(request) }
        api.get("anomalies") { request, _ in try await anomalies(request) }
        api.get("forecast") { request, _ in try await forecast(request) }
        api.get("recommendations") { request, _ in try await recommendations(request) }
        api.get("traces/:trace_id") { request, context in
            // A trace may hold 100,000 spans: assembled and encoded off the cooperative threads.
            try await withTaskExecutorPreference(ComputeExecutor.shared) {
                // `project` narrows it to that project's spans (a key of one project always sends its own).
                let project = try parameters(request, ["project"]).string("project")
                return try await trace(id: context.parameters.get("trace_id") ?? "", project: project).response(from: request, context: context)
            }
        }
    }

    private func parameters(_ request: Request, _ allowed: Set<String>) throws(APIError) -> QueryParameters {
        try QueryParameters(request.uri, businessDimensions: businessDimensions, allowed: allowed)
    }

    func summary(_ request: Request) async throws -> SummaryBody {
        let p = try parameters(request, ["from", "to", "group_by"])
        let query = SummaryQuery(range: try p.range(now: now()), groupBy: try p.groupBy(), filters: p.filters())
        return SummaryBody(try await answer { try await analytics.summary(query) })
    }

    func timeseries(_ request: Request) async throws -> TimeseriesBody {
        let p = try parameters(request, ["from", "to", "group_by", "metric", "step", "unit"])
        let (metric, unit) = try p.metricAndUnit()
        let query = TimeseriesQuery(
            range: try p.range(now: now()), stepSeconds: try p.step(), metric: metric, groupBy: try p.groupBy(),
            filters: p.filters(), unit: unit
        )
        return TimeseriesBody(try await answer { try await analytics.timeseries(query) })
    }

    func traces(_ request: Request) async throws -> TraceListBody {
        let p = try parameters(request, ["from", "to", "limit", "session", "min_ms", "min_cost"])
        let range = try p.range(now: now())
        let filters = p.filters()
        if let dimension = TraceQuery.unfilterable(filters).first {
            throw APIError.badParameter(dimension.name, "traces can be filtered by project, service, user, model, status and business dimensions")
        }
        let limit = try p.int("limit", default: 50, range: 1...1000)
        let (minMs, minCost) = (try p.nonNegative("min_ms"), try p.nonNegative("min_cost"))
        return TraceListBody(try await answer {
            try await analytics.traces(
                try TraceQuery(range: range, filters: filters, limit: limit, session: p.string("session"), minDurationMs: minMs, minCostUSD: minCost)
            )
        })
    }

    func errors(_ request: Request) async throws -> ErrorsBody {
        let p = try parameters(request, ["from", "to", "group_by", "trend_buckets"])
        let query = ErrorsQuery(
            range: try p.range(now: now()), groupBy: try p.groupBy(), filters: p.filters(),
            trendBuckets: try p.int("trend_buckets", default: 0, range: 0...500)
        )
        return ErrorsBody(try await answer { try await analytics.errors(query) })
    }

    func modelHealth(_ request: Request) async throws -> ModelHealthBody {
        let p = try parameters(request, ["window", "project"])
        let seconds = try p.duration("window", in: 60...86_400) ?? 300
        let end = now()
        let range = TimeRange(fromNanos: end - seconds * 1_000_000_000, toNanos: end)
        return ModelHealthBody(windowSeconds: seconds, try await answer { try await analytics.modelHealth(range, project: p.string("project")) })
    }

    func breakdown(_ request: Request) async throws -> BreakdownBody {
        let p = try parameters(request, ["from", "to", "root", "sample"])
        let filters = try p.projectAndService(for: "the breakdown")
        let query = BreakdownQuery(
            range: try p.range(now: now()), project: filters[.project], service: filters[.service], rootName: p.string("root"),
            sampleSize: try p.int("sample", default: BreakdownQuery.defaultSampleSize, range: 1...5_000)
        )
        return BreakdownBody(try await answer { try await analytics.breakdown(query) })
    }

    func anomalies(_ request: Request) async throws -> AnomaliesBody {
        let p = try parameters(request, ["from", "to", "metric", "group_by", "lookback", "step", "series", "limit"])
        let metrics = try p.anomalyMetrics()
        let groupBy = try p.groupBy()
        guard groupBy.count <= 1 else { throw APIError.badParameter("group_by", "anomalies are grouped by one dimension at a time") }
        let lookback = try p.duration("lookback", in: 60...(35 * 86_400)) ?? AnomalyQuery.defaultLookbackSeconds
        let query = AnomalyQuery(
            range: try p.range(now: now()), metrics: metrics, groupBy: groupBy.first, filters: p.filters(), lookbackSeconds: lookback,
            stepSeconds: p.string("step") == nil ? nil : try p.step(), groupLimit: try p.int("limit", default: 10, range: 1...50),
            includeSeries: try p.bool("series") ?? false
        )
        return AnomaliesBody(try await answer { try await analytics.anomalies(query) })
    }

    func forecast(_ request: Request) async throws -> ForecastBody {
        let p = try parameters(request, ["metric", "horizon", "step", "group_by", "lookback", "limit"])
        let text = p.string("metric") ?? ForecastMetric.costUSD.rawValue
        guard let metric = ForecastMetric(rawValue: text) else {
            throw APIError.badParameter("metric", "unknown metric '\(text)'; use \(ForecastMetric.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let horizon = try p.duration("horizon", in: 3_600...(90 * 86_400)) ?? 7 * 86_400
        guard let step = ForecastQuery.stepSeconds(p.string("step"), horizonSeconds: horizon) else {
            throw APIError.badParameter("step", "'\(p.string("step") ?? "")' is not 1h or 1d")
        }
        let groupBy = try p.groupBy()
        guard groupBy.count <= 1 else { throw APIError.badParameter("group_by", "forecasts are grouped by one dimension at a time") }
        let query = ForecastQuery(
            metric: metric, horizonSeconds: horizon, stepSeconds: step, groupBy: groupBy.first, filters: p.filters(),
            lookbackSeconds: try p.duration("lookback", in: 2 * 86_400...(366 * 86_400)) ?? ForecastQuery.defaultLookbackSeconds,
            groupLimit: try p.int("limit", default: 10, range: 1...50), nowNanos: now()
        )
        return ForecastBody(try await answer { try await analytics.forecast(query) })
    }

    func recommendations(_ request: Request) async throws -> RecommendationsBody {
        let p = try parameters(request, ["from", "to", "kind", "sample"])
        let filters = try p.projectAndService(for: "recommendations")
        let query = RecommendationQuery(
            range: try p.range(now: now(), defaultSeconds: RecommendationQuery.defaultRangeSeconds), project: filters[.project],
            service: filters[.service],
            sampleTraces: try p.int("sample", default: RecommendationQuery.defaultSampleTraces, range: 0...5_000),
            kinds: try p.recommendationKinds()
        )
        return RecommendationsBody(try await answer { try await analytics.recommendations(query) })
    }

    func trace(id: String, project: String? = nil) async throws -> TraceDetailBody {
        let normalized = id.lowercased()
        guard normalized.count == 32, normalized.allSatisfy(\.isHexDigit) else {
            throw APIError.badParameter("trace_id", "'\(id)' is not a 32-character hex trace id")
        }
        guard let detail = try await analytics.trace(id: normalized, project: project) else {
            throw APIError.notFound("no trace \(normalized) is stored")
        }
        return TraceDetailBody(detail)
    }

    /// Analytics errors are the caller's to fix: answer them as 400s.
    private func answer<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as AnalyticsError {
            throw APIError(error)
        }
    }
}
