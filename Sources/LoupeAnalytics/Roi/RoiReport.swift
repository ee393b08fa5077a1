import LoupeStore

/// Seed 000's ROI and productivity: value against cost, net ROI and cost per successful request, by
/// business unit, over the range and over time.
public struct RoiReport: Sendable, Hashable {
    public var range: TimeRange
    public var values: RoiValues
    public var stepSeconds: Int64
    /// By unit, most requests first.
    public var units: [RoiLine]
    public var total: RoiLine
    /// Each step's total, oldest first (``RoiLine/unit`` holds the step's start in Unix minutes).
    public var overTime: [RoiLine]
    /// Model calls in the range without a price, in every project: their cost counts as nothing here.
    public var unpricedCalls: Int64

    init(range: TimeRange, values: RoiValues, stepSeconds: Int64, outcomes: [RequestOutcome], unpricedCalls: Int64) {
        self.range = range
        self.values = values
        self.stepSeconds = stepSeconds
        self.unpricedCalls = unpricedCalls
        let lines = outcomes.map { Self.line($0, values: values) }
        units = Dictionary(grouping: lines, by: \.unit).map { Self.sum($0.value, unit: $0.key) }
            .sorted { ($1.requests, $0.unit) < ($0.requests, $1.unit) }
        total = Self.sum(lines, unit: "total")
        overTime = Dictionary(grouping: zip(outcomes, lines)) { $0.0.stepNanos }
            .sorted { $0.key < $1.key }
            .map { Self.sum($0.value.map(\.1), unit: String($0.key / 60_000_000_000)) }
    }

    static func line(_ o: RequestOutcome, values: RoiValues) -> RoiLine {
        RoiLine(
            unit: o.arm, requests: o.requests, successful: o.successful, failed: o.failed, negativeFeedback: o.negativeFeedback,
            costUSD: o.costUSD, valueUSD: values.valuePerSuccess(o.arm).map { $0 * Double(o.successful) },
            minutesSaved: values.minutesSaved(o.arm).map { $0 * Double(o.successful) }
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
