import LoupeStore

/// Seed 000's ROI and productivity: value against cost, net ROI and cost per successful request, by
/// business unit, over the range and over time.
public struct RoiReport: Sendable, Hashable {
    /// One unit's step.
    struct Cell: Hashable {
        var unit: String
        var stepMinute: Int64
    }

    public var range: TimeRange
    public var values: RoiValues
    public var stepSeconds: Int64
    /// By unit, most requests first.
    public var units: [RoiLine]
    public var total: RoiLine
    /// Each step's total, oldest first (``RoiLine/unit`` holds the step's start in Unix minutes).
    public var overTime: [RoiLine]
    /// Model calls of the range's requests without a price: their cost counts as nothing here.
    public var unpricedCalls: Int64

    init(range: TimeRange, values: RoiValues, stepSeconds: Int64, measures: [Cell: UnitMeasures], negative: [Cell: RequestOutcome]) {
        self.range = range
        self.values = values
        self.stepSeconds = stepSeconds
        var lines: [Cell: RoiLine] = [:]
        for cell in Set(measures.keys).union(negative.keys) {
            lines[cell] = Self.line(cell.unit, measures[cell] ?? UnitMeasures(), negative: negative[cell], values: values)
        }
        unpricedCalls = measures.values.reduce(0) { $0 + $1.spans.unpricedCalls }
        units = Dictionary(grouping: lines, by: \.key.unit).map { Self.sum($0.value.map(\.value), unit: $0.key) }
            .sorted { ($1.requests, $0.unit) < ($0.requests, $1.unit) }
        total = Self.sum(Array(lines.values), unit: "total")
        overTime = Dictionary(grouping: lines, by: \.key.stepMinute).sorted { $0.key < $1.key }
            .map { Self.sum($0.value.map(\.value), unit: String($0.key)) }
    }

    /// A unit's step: requests that failed or were disliked are not successful (a failed request
    /// that was also disliked counts once).
    static func line(_ unit: String, _ m: UnitMeasures, negative: RequestOutcome?, values: RoiValues) -> RoiLine {
        let requests = Int(m.requests.count), failed = Int(m.requests.errors)
        let disliked = negative?.negativeFeedback ?? 0, dislikedOnly = disliked - (negative?.failed ?? 0)
        let successful = max(0, requests - failed - dislikedOnly)
        return RoiLine(
            unit: unit, requests: requests, successful: successful, failed: failed, negativeFeedback: disliked, costUSD: m.spans.costUSD,
            valueUSD: values.valuePerSuccess(unit).map { $0 * Double(successful) },
            minutesSaved: values.minutesSaved(unit).map { $0 * Double(successful) }
        )
    }

    /// Lines added up; a value or minutes figure is known when any line's is.
    static func sum(_ lines: [RoiLine], unit: String) -> RoiLine {
        func total(_ figure: KeyPath<RoiLine, Double?>) -> Double? {
            let known = lines.compactMap { $0[keyPath: figure] }
            return known.isEmpty ? nil : known.reduce(0, +)
        }
        return RoiLine(
            unit: unit, requests: lines.reduce(0) { $0 + $1.requests }, successful: lines.reduce(0) { $0 + $1.successful },
            failed: lines.reduce(0) { $0 + $1.failed }, negativeFeedback: lines.reduce(0) { $0 + $1.negativeFeedback },
            costUSD: lines.reduce(0) { $0 + $1.costUSD }, valueUSD: total(\.valueUSD), minutesSaved: total(\.minutesSaved)
        )
    }
}
