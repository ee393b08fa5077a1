import LoupeCore
import LoupeStore

/// The answer to a ``BreakdownQuery``: the root operations of the range, and for the chosen one
/// the time per stage over a sample of its newest traces, largest share first.
public struct BreakdownReport: Sendable, Hashable {
    public var query: BreakdownQuery
    /// The root operations of the range's newest traces (``TelemetryAnalytics/rootOperationWindow``),
    /// most traces first, to choose from.
    public var operations: [RootOperation]
    /// The operation broken down; nil when the range has none.
    public var operation: RootOperation?
    public var sampledTraces: Int
    public var stages: [StageStatistics]
    /// Whole-trace duration percentiles over the sample.
    public var totalP50Ms: Double?
    public var totalP95Ms: Double?

    /// The stage that takes the most time, the one to look at first.
    public var slowest: StageStatistics? { stages.first }

    public init(query: BreakdownQuery, operations: [RootOperation], operation: RootOperation?, breakdowns: [StageBreakdown]) {
        self.query = query
        self.operations = operations
        self.operation = operation
        sampledTraces = breakdowns.count
        let totals = breakdowns.map(\.totalMs).sorted()
        totalP50Ms = NearestRank.quantile(0.5, ofSorted: totals)
        totalP95Ms = NearestRank.quantile(0.95, ofSorted: totals)
        let allMs = totals.reduce(0, +)
        var perStage: [String: [Double]] = [:]
        for breakdown in breakdowns {
            for (kind, ms) in breakdown.byOperation where ms > 0 { perStage[kind.rawValue, default: []].append(ms) }
            if breakdown.unaccountedMs > 0 { perStage["unaccounted", default: []].append(breakdown.unaccountedMs) }
        }
        stages = perStage.map { stage, values in
            let sorted = values.sorted()
            let sum = sorted.reduce(0, +)
            return StageStatistics(
                stage: stage, share: allMs > 0 ? sum / allMs : 0, meanMs: sum / Double(max(1, breakdowns.count)),
                p50Ms: NearestRank.quantile(0.5, ofSorted: sorted) ?? 0, p95Ms: NearestRank.quantile(0.95, ofSorted: sorted) ?? 0,
                traces: sorted.count
            )
        }.sorted { ($0.share, $1.stage) > ($1.share, $0.stage) }
    }
}
