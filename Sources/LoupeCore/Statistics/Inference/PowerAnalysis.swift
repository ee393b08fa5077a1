import Foundation

/// Power and sample size of a two-sided z comparison of two arms, from the standard error of the
/// difference at the current sample size.
///
/// Power counts both tails, as statsmodels' `NormalIndPower` does: Φ(d/se − z₁₋α/₂) + Φ(−d/se − z₁₋α/₂).
/// The standard error shrinks as 1/√n, so the units needed for an effect follow from the current
/// ones: n_needed = n · (mde / |effect|)².
public struct PowerAnalysis: Sendable, Hashable {
    public let alpha: Double
    public let targetPower: Double
    /// The smallest difference the current sample detects with ``targetPower``.
    public let minimumDetectableEffect: Double
    /// The chance the current sample detects a true difference of the observed size; nil when none
    /// was observed.
    public let power: Double?
    /// Units in all to detect the observed difference with ``targetPower``; nil when no difference
    /// was observed.
    public let unitsNeeded: Int?

    public init(standardError: Double, observedDifference: Double, units: Int, alpha: Double = 0.05, targetPower: Double = 0.8) {
        self.alpha = alpha
        self.targetPower = targetPower
        let zAlpha = NormalDistribution.quantile(1 - alpha / 2)
        minimumDetectableEffect = Self.detectableShift(zAlpha: zAlpha, power: targetPower) * standardError
        let effect = abs(observedDifference)
        guard effect > 0, standardError > 0 else {
            power = nil
            unitsNeeded = nil
            return
        }
        let shift = effect / standardError
        power = NormalDistribution.cdf(shift - zAlpha) + NormalDistribution.cdf(-shift - zAlpha)
        let ratio = minimumDetectableEffect / effect
        let needed = (Double(units) * ratio * ratio).rounded(.up)
        unitsNeeded = needed < Double(Int.max / 2) ? Int(needed) : nil
    }

    /// The shift s (in standard errors) with Φ(s − z) + Φ(−s − z) = power, by Newton's method from
    /// the one-tailed answer, which is already within a hair of it.
    private static func detectableShift(zAlpha: Double, power: Double) -> Double {
        var shift = zAlpha + NormalDistribution.quantile(power)
        for _ in 0..<20 {
            let f = NormalDistribution.cdf(shift - zAlpha) + NormalDistribution.cdf(-shift - zAlpha) - power
            let slope = density(shift - zAlpha) - density(-shift - zAlpha)
            guard slope > 0 else { break }
            let step = f / slope
            shift -= step
            if abs(step) < 1e-14 { break }
        }
        return shift
    }

    private static func density(_ x: Double) -> Double { exp(-x * x / 2) / (2 * Double.pi).squareRoot() }

    /// Units still to collect, never negative; nil when it cannot be told.
    public func moreUnits(than units: Int) -> Int? { unitsNeeded.map { max(0, $0 - units) } }
}
