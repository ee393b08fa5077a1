import LoupeCore
import LoupeStore

extension TelemetryAnalytics {
    /// What to change, with evidence and savings: each model's calls from the rollups (one summary
    /// read), and the newest `query.sampleTraces` traces read span by span for what rollups do not
    /// hold. Savings are scaled to 30 days from the seconds of the range that hold data.
    public func recommendations(_ query: RecommendationQuery, nowNanos: Int64? = nil) async throws -> RecommendationReport {
        guard query.range.toNanos > query.range.fromNanos else { throw AnalyticsError.emptyRange }
        async let summary = summary(SummaryQuery(
            range: query.range, groupBy: [.service, .operation, .provider, .model, .errorCategory], filters: query.filters
        ))
        async let sample = recommendationSample(query)
        async let firstMinute = firstMinuteWithData(query.range, filters: query.filters)
        let start = try await firstMinute.map { max(query.range.fromNanos, $0 * 60_000_000_000) } ?? query.range.toNanos
        let input = RecommendationInput(
            models: ModelUsage.grouping(try await summary.groups), sample: try await sample, prices: prices, creditPriceUSD: creditPriceUSD,
            observedSeconds: max(0, (query.range.toNanos - start) / 1_000_000_000), nowNanos: nowNanos ?? query.range.toNanos
        )
        let advisors = Recommendation.advisors.filter { query.kinds.isEmpty || !query.kinds.isDisjoint(with: $0.kinds) }
        let found = advisors.flatMap { $0.recommendations(input) }.filter { query.kinds.isEmpty || query.kinds.contains($0.kind) }
        return RecommendationReport(
            query: query, observedSeconds: input.observedSeconds, sampledTraces: input.sample.order.count, recommendations: found
        )
    }

    private func recommendationSample(_ query: RecommendationQuery) async throws -> RecommendationSample {
        guard query.sampleTraces > 0 else { return RecommendationSample(spans: [], order: []) }
        let traces = try await store.traces(TraceQuery(
            fromNanos: query.range.fromNanos, toNanos: query.range.toNanos, limit: query.sampleTraces, project: query.project,
            service: query.service
        ))
        let ids = traces.map(\.traceId)
        // A trace is filed under the project of its first span; a span another project sent into it stays out.
        let spans = try await store.spans(traceIds: ids, withContent: true).filter { $0.isShown(to: query.project) }
        return RecommendationSample(spans: spans, order: ids)
    }
}
