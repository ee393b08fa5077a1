import LoupeStore

extension TelemetryAnalytics {
    /// Every numeric and yes-or-no score of the range's requests (the newest 10,000 scores), overall, by
    /// service, by step (an hour up to two days, a day beyond), by latency bucket, and its rank
    /// correlation with latency and cost.
    public func quality(_ range: TimeRange, project: String? = nil, name: String? = nil) async throws -> QualityReport {
        guard range.fromNanos < range.toNanos else { throw AnalyticsError.emptyRange }
        let limit = ScoredRequestQuery.defaultLimit
        let scored = try await store.scoredRequests(ScoredRequestQuery(
            fromNanos: range.fromNanos, toNanos: range.toNanos, project: project, name: name, limit: limit + 1
        ))
        let step = range.reportStepSeconds
        return QualityReport(range: range, stepSeconds: step, scored: Array(scored.prefix(limit)), truncated: scored.count > limit)
    }
}
