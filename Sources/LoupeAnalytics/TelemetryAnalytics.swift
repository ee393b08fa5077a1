import LoupeCore
import LoupeStore

/// The questions the API, dashboard, CLI and alerts ask, answered from a ``TelemetryStore``.
///
/// Percentiles always come from merged rollup histograms, never from scanning raw spans.
public struct TelemetryAnalytics: Sendable {
    public let store: any TelemetryStore
    /// Classifies failures stored before classification existed; built once, its phrase tables are not cheap.
    private let classifier: ErrorClassifier
    /// The prices the server charges with, for estimates made at read time (cache savings); nil
    /// where no catalog was given.
    public let prices: PriceCatalog?
    /// US dollars per Snowflake credit, for estimates in credits (warehouse sizing).
    public let creditPriceUSD: Double
    /// Most points one time series may have.
    public static let maxPoints = 10_000
    /// Points of all series of one timeseries answer together: grouping by a dimension of many
    /// values (users) must not allocate without bound.
    public static let maxSeriesPoints = 500_000

    public init(
        store: any TelemetryStore, classifier: ErrorClassifier = ErrorClassifier(), prices: PriceCatalog? = nil,
        creditPriceUSD: Double = CostCalculator().creditPriceUSD
    ) {
        self.prices = prices
        self.creditPriceUSD = creditPriceUSD
        self.store = store
        self.classifier = classifier
    }

    public func summary(_ query: SummaryQuery) async throws -> SummaryReport {
        let (grain, rows) = try await rollups(
            query.range, groupBy: query.groupBy, filters: query.filters, merge: RollupMerge(keeping: Set(query.groupBy), latency: query.latency)
        )
        let unit = query.unit
        var groups: [[String]: UnitMeasures] = [:]
        var totals = UnitMeasures()
        for row in rows {
            groups[query.groupBy.map { row.key.value(of: $0) }, default: UnitMeasures()].add(row)
            totals.add(row)
        }
        // A view in calls (by model or provider) leaves out groups with no model call: retrieval,
        // chain and tool spans have no model, and an unlabelled row of them would read as a model.
        // They stay in the totals' spans.
        let withFailedCall = try await requestsWithFailedCalls(query)
        let summaryGroups = groups.compactMap { values, measures -> SummaryGroup? in
            if unit == .calls && measures.calls.count == 0 { return nil }
            let key = Dictionary(uniqueKeysWithValues: zip(query.groupBy.map(\.name), values))
            let failed = withFailedCall.map { counts in key["service"].map { counts[$0] ?? 0 } ?? counts.values.reduce(0, +) }
            return SummaryGroup(key: key, measures: measures, requestsWithFailedCall: failed)
        }.sorted {
            ($0.measures[unit].count, $0.measures.spans.count, $1.key.description)
                > ($1.measures[unit].count, $1.measures.spans.count, $0.key.description)
        }
        return SummaryReport(
            query: query, grain: grain, unit: unit, groups: summaryGroups,
            totals: SummaryGroup(key: [:], measures: totals, requestsWithFailedCall: withFailedCall?.values.reduce(0, +))
        )
    }

    /// Requests with a failed call by service, over the same whole minutes as the rollups; nil when
    /// the query cannot have them.
    private func requestsWithFailedCalls(_ query: SummaryQuery) async throws -> [String: Int64]? {
        guard query.countsRequestsWithFailedCalls else { return nil }
        let nanosPerMinute: Int64 = 60_000_000_000
        return try await store.tracesWithFailedCalls(
            TraceQuery(
                fromNanos: query.range.fromMinute * nanosPerMinute, toNanos: query.range.toMinute * nanosPerMinute,
                project: query.filters[.project], service: query.filters[.service]
            )
        )
    }

    public func timeseries(_ query: TimeseriesQuery) async throws -> TimeseriesReport {
        let buckets = try await buckets(query.range, stepSeconds: query.stepSeconds, groupBy: query.groupBy, filters: query.filters)
        return TimeseriesReport(query: query, series: buckets.series(query.metric, unit: query.unit))
    }

    /// Rollups per time step and group, in every unit, from one read: for drawing several metrics
    /// of one range. With no group-by there is always one group, empty or not.
    public func buckets(
        _ range: TimeRange, stepSeconds: Int64, groupBy: [TelemetryDimension] = [], filters: [TelemetryDimension: String] = [:]
    ) async throws -> TimeBuckets {
        let stepMinutes = max(1, stepSeconds / 60)
        let dimensions = Set(groupBy).union(filters.keys)
        if let grain = RollupGrain.covering(dimensions), stepMinutes % grain.resolutionMinutes != 0 {
            throw AnalyticsError.stepFinerThanGrain(grain.resolutionMinutes)
        }
        let first = range.fromMinute
        let count = Int((range.toMinute - first + stepMinutes - 1) / stepMinutes)
        guard count <= Self.maxPoints else { throw AnalyticsError.tooManyPoints(count, limit: Self.maxPoints) }
        let (_, rows) = try await rollups(
            range, groupBy: groupBy, filters: filters,
            merge: RollupMerge(stepMinutes: stepMinutes, originMinute: first, keeping: Set(groupBy))
        )
        var groups: [[String]: [UnitMeasures]] = [:]
        for row in rows {
            let key = groupBy.map { row.key.value(of: $0) }
            let index = Int((row.key.minute - first) / stepMinutes)
            guard index >= 0 && index < count else { continue }
            if groups[key] == nil {
                guard (groups.count + 1) * count <= Self.maxSeriesPoints else {
                    throw AnalyticsError.tooManySeries(groups.count, points: count, limit: Self.maxSeriesPoints)
                }
                groups[key] = Array(repeating: UnitMeasures(), count: count)
            }
            groups[key]?[index].add(row)
        }
        if groups.isEmpty && groupBy.isEmpty { groups[[]] = Array(repeating: UnitMeasures(), count: count) }
        return TimeBuckets(firstMinute: first, stepMinutes: stepMinutes, stepCount: count, groupBy: groupBy.map(\.name), groups: groups)
    }

    /// Failures by category and failure mode. Stores aggregate them; grouping or filtering by a
    /// business dimension, or failures stored before classification existed, are read span by span
    /// (at most `limit`, the most recent).
    public func errors(_ query: ErrorsQuery, limit: Int = 50_000) async throws -> ErrorsReport {
        guard query.range.toNanos > query.range.fromNanos else { throw AnalyticsError.emptyRange }
        let modesQuery = FailureModeQuery(
            fromNanos: query.range.fromNanos, toNanos: query.range.toNanos, filters: query.filters, groupBy: query.groupBy,
            examplesPerFingerprint: query.examplesPerFingerprint, trendBuckets: query.trendBuckets, byPlace: query.byPlace
        )
        if modesQuery.isSupported {
            let modes = try await store.failureModes(modesQuery)
            if modes.rows.allSatisfy(\.isClassified) { return ErrorsReport(query: query, modes: modes, truncated: false) }
        }
        var spans = try await store.failedSpans(
            FailedSpanQuery(
                fromNanos: query.range.fromNanos, toNanos: query.range.toNanos, project: query.filters[.project], limit: limit,
                withContent: false
            )
        )
        // Failures stored before classification existed are classified as they are read, from
        // their full record (attributes and exception events), which the light read left out.
        let unclassified = spans.indices.filter { spans[$0].errorCategory == nil || spans[$0].errorFingerprint == nil }
        var full: [String: SpanRecord] = [:]
        if !unclassified.isEmpty {
            for span in try await store.spans(traceIds: unclassified.map { spans[$0].traceId }, withContent: true) {
                full[span.traceId + "/" + span.spanId] = span
            }
        }
        for i in unclassified {
            let classification = classifier.classify(ErrorSignal(span: full[spans[i].traceId + "/" + spans[i].spanId] ?? spans[i]))
            spans[i].errorCategory = classification.category.rawValue
            spans[i].errorFingerprint = classification.fingerprint
        }
        return ErrorsReport(query: query, modes: FailureModes(failed: spans, query: modesQuery), truncated: spans.count >= limit)
    }

    public func traces(_ query: TraceQuery) async throws -> [TraceSummary] {
        try await store.traces(query)
    }

    /// A user's sessions in a range, most recently active first, from their newest `traceLimit`
    /// traces (bounded work for a user with a very long history); `truncated` when there were more.
    public func sessions(user: String, range: TimeRange, project: String? = nil, traceLimit: Int = 2_000) async throws
        -> (sessions: [SessionSummary], truncated: Bool)
    {
        let traces = try await store.traces(
            TraceQuery(fromNanos: range.fromNanos, toNanos: range.toNanos, limit: traceLimit + 1, project: project, user: user)
        )
        return (SessionSummary.grouping(Array(traces.prefix(traceLimit))), traces.count > traceLimit)
    }

    /// Every model called in the window with its health and the state a router should give it.
    public func modelHealth(_ range: TimeRange, project: String? = nil) async throws -> [ModelHealth] {
        let filters: [TelemetryDimension: String] = project.map { [.project: $0] } ?? [:]
        return ModelHealth.report(try await summary(SummaryQuery(range: range, groupBy: [.provider, .model, .errorCategory], filters: filters)))
    }

    /// The trace, or nil when no span of it (of `project`, when given) is stored.
    public func trace(id: String, project: String? = nil) async throws -> TraceDetail? {
        // Spans are stored under their own project: one project's view of a trace is its spans only.
        let spans = try await store.spans(traceId: id).filter { $0.isShown(to: project) }
        guard !spans.isEmpty else { return nil }
        let logs = try await store.logs(traceIds: [id]).filter { record in project.map { $0 == record.project } ?? true }
        return TraceDetail(traceId: id, spans: spans, logs: logs)
    }

    func rollups(
        _ range: TimeRange, groupBy: [TelemetryDimension], filters: [TelemetryDimension: String], merge: RollupMerge? = nil
    ) async throws -> (RollupGrain, [RollupRow]) {
        guard range.toNanos > range.fromNanos else { throw AnalyticsError.emptyRange }
        let dimensions = Set(groupBy).union(filters.keys)
        guard let grain = RollupGrain.covering(dimensions) else {
            throw AnalyticsError.dimensionsNotCombinable(dimensions.sorted())
        }
        // Coarser grains answer for whole rows: the range widens to their edges.
        let from = grain.rowMinute(range.fromMinute)
        let to = grain.rowMinute(range.toMinute + grain.resolutionMinutes - 1)
        let rows = try await store.rollups(
            RollupQuery(grain: grain, fromMinute: from, toMinute: to, filters: filters, merge: merge)
        )
        return (grain, rows)
    }
}
