import Foundation

/// The regularised incomplete beta and gamma functions, which give the t, chi-square and F
/// distributions their tails.
///
/// Written here because none of the packages Loupe builds on has them: swift-numerics stops at
/// `logGamma` and `erfc`. The algorithms are the standard ones (Lentz's continued fractions and the
/// gamma series, as in Numerical Recipes §6.2 and §6.4), iterated to double precision; the tests
/// hold them to scipy's values within 1e-9.
enum SpecialFunctions {
    private static let epsilon = 1e-16
    private static let tiny = 1e-300
    private static let maxIterations = 100_000

    /// I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1.
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        // The continued fraction converges fast on this side of the mean; the other side by symmetry.
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaContinuedFraction(x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * betaContinuedFraction(1 - x, a: b, b: a) / b
    }

    private static func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...maxIterations {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }

    /// Q(a, x) = Γ(a, x) / Γ(a), the upper regularised gamma function, for a > 0 and x ≥ 0.
    static func regularizedUpperGamma(_ a: Double, x: Double) -> Double {
        if x <= 0 { return 1 }
        if x < a + 1 { return 1 - lowerGammaSeries(a, x: x) }
        return upperGammaContinuedFraction(a, x: x)
    }

    private static func lowerGammaSeries(_ a: Double, x: Double) -> Double {
        var ap = a
        var term = 1 / a
        var sum = term
        for _ in 0..<maxIterations {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * epsilon { break }
        }
        return sum * exp(-x + a * log(x) - lgamma(a))
    }

    private static func upperGammaContinuedFraction(_ a: Double, x: Double) -> Double {
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...maxIterations {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }
}
