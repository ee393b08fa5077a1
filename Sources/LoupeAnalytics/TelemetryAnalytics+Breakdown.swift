import LoupeCore
import LoupeStore

extension TelemetryAnalytics {
    /// Root operations are listed from the newest this many traces of the range.
    public static let rootOperationWindow = 20_000

    /// Where the time goes for a root operation: the stage breakdown of its newest traces in the
    /// range (at most `sampleSize`), with shares and percentiles per stage. Reads trace summaries
    /// and the sampled traces' spans, not every span of the range.
    public func breakdown(_ query: BreakdownQuery) async throws -> BreakdownReport {
        guard query.range.toNanos > query.range.fromNanos else { throw AnalyticsError.emptyRange }
        var range = TraceQuery(fromNanos: query.range.fromNanos, toNanos: query.range.toNanos, project: query.project, service: query.service)
        range.limit = Self.rootOperationWindow
        let operations = try await store.rootOperations(range)
        let chosen = query.rootName.map { name in
            operations.first { $0.name == name } ?? RootOperation(service: query.service ?? "", name: name, traces: 0)
        } ?? operations.first
        guard let chosen, chosen.traces > 0 else {
            return BreakdownReport(query: query, operations: operations, operation: chosen, breakdowns: [])
        }
        var sample = range
        sample.service = chosen.service
        sample.rootName = chosen.name
        sample.limit = max(1, query.sampleSize)
        let traces = try await store.traces(sample)
        var byTrace: [String: [SpanRecord]] = [:]
        for span in try await store.spans(traceIds: traces.map(\.traceId), withContent: false) where span.isShown(to: query.project) {
            byTrace[span.traceId, default: []].append(span)
        }
        let breakdowns = traces.compactMap { byTrace[$0.traceId].map(StageBreakdown.init(spans:)) }
        return BreakdownReport(query: query, operations: operations, operation: chosen, breakdowns: breakdowns)
    }
}
