import LoupeStore

/// Rollups added up per time step and group, in every unit: what a time series is drawn from.
/// A page that draws several metrics over one range reads the rollups once.
public struct TimeBuckets: Sendable, Hashable {
    /// The first step's start, in Unix minutes.
    public var firstMinute: Int64
    public var stepMinutes: Int64
    public var stepCount: Int
    /// The group-by names, in the order of each key's values.
    public var groupBy: [String]
    /// Per group (its dimension values), one ``UnitMeasures`` per step.
    public var groups: [[String]: [UnitMeasures]]

    /// The start of step `index`, in Unix seconds.
    public func time(ofStep index: Int) -> Int64 { (firstMinute + Int64(index) * stepMinutes) * 60 }

    /// Every group's steps added up: the totals over time.
    public var totals: [UnitMeasures] {
        var totals = Array(repeating: UnitMeasures(), count: stepCount)
        for steps in groups.values {
            for (i, m) in steps.enumerated() { totals[i].merge(m) }
        }
        return totals
    }

    /// One metric of every group, as a time series.
    public func series(_ metric: TimeseriesMetric, unit: CountUnit) -> [TimeseriesReport.Series] {
        groups.map { key, steps in
            TimeseriesReport.Series(
                key: Dictionary(uniqueKeysWithValues: zip(groupBy, key)),
                points: steps.enumerated().map { i, m in .init(time: time(ofStep: i), value: metric.value(m, unit: unit)) }
            )
        }.sorted { $0.key.description < $1.key.description }
    }
}
