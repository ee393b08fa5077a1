import LoupeStore

/// Rollup rows added up once per unit: requests, calls and spans.
///
/// Counts, errors and latency differ by unit; tokens and cost do not (only model calls carry
/// them), so they are read from ``spans``.
public struct UnitMeasures: Sendable, Hashable {
    public var requests = RollupMeasures()
    public var calls = RollupMeasures()
    public var spans = RollupMeasures()

    public init() {}

    public mutating func add(_ row: RollupRow) {
        let role = row.key.role
        if CountUnit.requests.includes(role) { requests.merge(row.measures) }
        if CountUnit.calls.includes(role) { calls.merge(row.measures) }
        spans.merge(row.measures)
    }

    public mutating func merge(_ other: UnitMeasures) {
        requests.merge(other.requests)
        calls.merge(other.calls)
        spans.merge(other.spans)
    }

    public subscript(unit: CountUnit) -> RollupMeasures {
        switch unit {
        case .requests: return requests
        case .calls: return calls
        case .spans: return spans
        }
    }
}
