import Foundation

/// Student's t distribution with `degreesOfFreedom` (which may be fractional, as Welch's are).
public struct StudentTDistribution: Sendable, Hashable {
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "a t distribution needs positive degrees of freedom")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(|T| ≥ |t|): the two-sided p-value of `t`.
    public func twoSidedPValue(_ t: Double) -> Double {
        guard t.isFinite else { return t.isNaN ? .nan : 0 }
        let v = degreesOfFreedom
        return min(1, SpecialFunctions.regularizedIncompleteBeta(v / (v + t * t), a: v / 2, b: 0.5))
    }

    /// P(T ≤ t).
    public func cdf(_ t: Double) -> Double {
        let tail = twoSidedPValue(t) / 2
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with P(T ≤ t) = p, for 0 < p < 1, by Newton's method from the normal quantile, with
    /// bisection to keep every step inside a bracket.
    public func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "a t quantile needs 0 < p < 1")
        if p == 0.5 { return 0 }
        var low = -1e6, high = 1e6
        var x = NormalDistribution.quantile(p)
        for _ in 0..<200 {
            let f = cdf(x) - p
            if abs(f) < 1e-15 { break }
            if f > 0 { high = x } else { low = x }
            var next = x - f / density(x)
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - x) <= 1e-14 * max(1, abs(x)) { x = next; break }
            x = next
        }
        return x
    }

    /// The probability density at `t`.
    public func density(_ t: Double) -> Double {
        let v = degreesOfFreedom
        let logDensity = lgamma((v + 1) / 2) - lgamma(v / 2) - 0.5 * log(v * Double.pi) - (v + 1) / 2 * log1p(t * t / v)
        return exp(logDensity)
    }
}
