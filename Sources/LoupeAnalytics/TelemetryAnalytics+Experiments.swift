import LoupeStore

extension TelemetryAnalytics {
    /// The experiments whose requests ran in a range, most recently active first.
    public func experiments(_ range: TimeRange, project: String? = nil) async throws -> [ExperimentSummary] {
        guard range.fromNanos < range.toNanos else { throw AnalyticsError.emptyRange }
        let counts = try await store.experimentVariants(TraceQuery(fromNanos: range.fromNanos, toNanos: range.toNanos, project: project))
        return ExperimentSummary.all(counts)
    }

    /// One experiment's report, or a comparison's (``ExperimentQuery/comparing(_:service:range:project:control:alpha:)``);
    /// nil when no request of the range belongs to it.
    public func experimentReport(_ query: ExperimentQuery) async throws -> ExperimentReport? {
        guard query.range.fromNanos < query.range.toNanos else { throw AnalyticsError.emptyRange }
        let arms = try await store.experimentArms(ExperimentArmQuery(
            grouping: query.grouping, fromNanos: query.range.fromNanos, toNanos: query.range.toNanos, project: query.project,
            service: query.service
        ))
        return ExperimentAnalysis.report(query: query, arms: arms)
    }
}
