/// The chi-squared distribution with `degreesOfFreedom`.
public struct ChiSquaredDistribution: Sendable, Hashable {
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "a chi-squared distribution needs positive degrees of freedom")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(X ≥ x): the p-value of a chi-squared statistic.
    public func survival(_ x: Double) -> Double {
        SpecialFunctions.regularizedUpperGamma(degreesOfFreedom / 2, x: x / 2)
    }
}
