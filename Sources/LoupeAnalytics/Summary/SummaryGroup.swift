import LoupeCore
import LoupeStore

/// One group of a summary: its dimension values and what its rollups add up to.
public struct SummaryGroup: Sendable, Hashable {
    /// TelemetryDimension name to value, for each dimension grouped by.
    public var key: [String: String]
    public var measures: RollupMeasures

    public init(key: [String: String], measures: RollupMeasures) {
        self.key = key
        self.measures = measures
    }

    public var errorRate: Double {
        measures.requests == 0 ? 0 : Double(measures.errors) / Double(measures.requests)
    }

    public func latencyMs(_ quantile: Double) -> Double? { measures.latency.quantile(quantile) }
}
