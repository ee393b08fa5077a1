import LoupeStore

extension TelemetryAnalytics {
    /// Retrieval relevance, context utilisation, content gaps and document use over a range (the
    /// newest 10,000 requests with retrieval). Documents unused are those retrieved in the
    /// equally long period before the range and not in it, and those of `inventory` (the knowledge
    /// base's ids, when the caller has them) never retrieved in it.
    public func retrieval(
        _ range: TimeRange, project: String? = nil, minScore: Double = 0.5, gapDimension: String = "query_category", inventory: [String] = []
    ) async throws -> RetrievalReport {
        guard range.fromNanos < range.toNanos else { throw AnalyticsError.emptyRange }
        let limit = RetrievalQuery.defaultLimit
        let length = range.toNanos - range.fromNanos
        async let requests = store.retrievedRequests(RetrievalQuery(fromNanos: range.fromNanos, toNanos: range.toNanos, project: project, limit: limit + 1))
        async let uses = store.documentUses(DocumentUseQuery(fromNanos: range.fromNanos, toNanos: range.toNanos, project: project))
        async let before = store.documentUses(DocumentUseQuery(fromNanos: range.fromNanos - length, toNanos: range.fromNanos, project: project))
        let read = try await requests
        let step = range.reportStepSeconds
        return RetrievalReport(
            range: range, stepSeconds: step, minScore: minScore, gapDimension: gapDimension, requests: Array(read.prefix(limit)),
            truncated: read.count > limit, uses: try await uses, before: try await before, inventory: inventory
        )
    }
}
