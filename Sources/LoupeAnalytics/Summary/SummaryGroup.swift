import LoupeCore
import LoupeStore

/// One group of a summary: its dimension values and what its rollups add up to, per unit.
public struct SummaryGroup: Sendable, Hashable {
    /// TelemetryDimension name to value, for each dimension grouped by.
    public var key: [String: String]
    public var measures: UnitMeasures

    public init(key: [String: String], measures: UnitMeasures) {
        self.key = key
        self.measures = measures
    }
}
