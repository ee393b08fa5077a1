import Foundation

/// Axis ticks at round numbers (1, 2, 2.5, 5 × 10ⁿ) from zero to just above the largest value.
struct NiceScale: Sendable, Hashable {
    var max: Double
    var ticks: [Double]

    init(maxValue: Double, tickCount: Int = 4) {
        let top = maxValue.isFinite && maxValue > 0 ? maxValue : 1
        let rough = top / Double(Swift.max(1, tickCount))
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let count = Int(ceil(top / step - 1e-9))
        ticks = (0...Swift.max(1, count)).map { Double($0) * step }
        max = ticks.last ?? top
    }
}
