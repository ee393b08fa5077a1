import Foundation
import LoupeCore
import Testing

/// Every expected value comes from References/inference_reference.py (scipy 1.17, statsmodels 0.15).
struct InferenceTests {
    /// The reference script's LCG and Box-Muller draws, bit for bit.
    static func latencies(seed: UInt64, count: Int, mu: Double, sigma: Double) -> [Double] {
        var state = seed
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / 9_007_199_254_740_992
        }
        return (0..<count).map { _ in
            let u1 = uniform(), u2 = uniform()
            let z = (-2 * log(1 - u1)).squareRoot() * cos(2 * Double.pi * u2)
            return (exp(mu + sigma * z) * 10).rounded(.toNearestOrEven) / 10
        }
    }

    static let control = latencies(seed: 7, count: 400, mu: 6.0, sigma: 0.5)
    static let treatment = latencies(seed: 11, count: 380, mu: 5.9, sigma: 0.6)

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func theSamplesAreTheReferenceScriptsOwn() {
        #expect(Self.close(Self.control.reduce(0, +), 174464.80000000016, 1e-12))
        #expect(Self.close(Self.treatment.reduce(0, +), 153346.09999999995, 1e-12))
    }

    @Test func welchMatchesScipy() throws {
        let test = try #require(WelchTest(control: SampleMoments(Self.control), treatment: SampleMoments(Self.treatment)))
        #expect(Self.close(test.statistic, -1.9642866157967898))
        #expect(Self.close(test.degreesOfFreedom, 714.2682778393271))
        #expect(Self.close(test.pValue, 0.04988421930815405))
        #expect(Self.close(test.lower, -65.22272603830524) && Self.close(test.upper, -0.016537119589230542))

        let small = try #require(WelchTest(
            control: SampleMoments([12.0, 15.5, 11.2, 19.8, 14.1]), treatment: SampleMoments([22.3, 18.9, 25.1, 17.4, 21.0, 30.2, 19.9])
        ))
        #expect(Self.close(small.statistic, 3.3926882292984644))
        #expect(Self.close(small.degreesOfFreedom, 9.837809495688337))
        #expect(Self.close(small.pValue, 0.007014499492148427))
        #expect(Self.close(small.lower, 2.595590846703093) && Self.close(small.upper, 12.592980581868343))
        #expect(WelchTest(control: SampleMoments([1]), treatment: SampleMoments([2, 3])) == nil)
        #expect(WelchTest(control: SampleMoments([1, 1]), treatment: SampleMoments([2, 2])) == nil)
    }

    @Test func mannWhitneyMatchesScipyWithTies() throws {
        let test = try #require(MannWhitneyTest(control: Self.control, treatment: Self.treatment))
        #expect(test.u == 62927.0)
        #expect(Self.close(test.pValue, 3.235078539616577e-05))
        let ties = try #require(MannWhitneyTest(control: [2, 3, 4, 4, 5, 5], treatment: [1, 2, 2, 3, 3, 3, 9]))
        #expect(ties.u == 11.5)
        #expect(Self.close(ties.pValue, 0.18853047251051946))
        #expect(MannWhitneyTest(control: [], treatment: [1]) == nil)
    }

    @Test func twoProportionsMatchStatsmodels() throws {
        let test = try #require(TwoProportionTest(controlSuccesses: 120, controlTrials: 1000, treatmentSuccesses: 150, treatmentTrials: 1010))
        #expect(Self.close(test.statistic, 1.874447682393961))
        #expect(Self.close(test.pValue, 0.06086874662683877))
        #expect(Self.close(test.lower, -0.0012615190195801491) && Self.close(test.upper, 0.05829122198987717))
        #expect(!TwoProportionTest.needsExactTest(controlSuccesses: 120, controlTrials: 1000, treatmentSuccesses: 150, treatmentTrials: 1010))
        #expect(TwoProportionTest.needsExactTest(controlSuccesses: 3, controlTrials: 1000, treatmentSuccesses: 10, treatmentTrials: 1000) == false)
        #expect(TwoProportionTest.needsExactTest(controlSuccesses: 1, controlTrials: 300, treatmentSuccesses: 2, treatmentTrials: 300))
    }

    @Test(arguments: [
        (3, 7, 9, 2, 0.09523809523809523, 0.02997312285237981),
        (0, 5, 4, 1, 0.0, 0.04761904761904762),
        (10, 990, 3, 997, 3.356902356902357, 0.09123753930196905),
        (5, 5, 5, 5, 1.0, 1.0),
    ])
    func fisherMatchesScipy(a: Int, b: Int, c: Int, d: Int, odds: Double, p: Double) {
        let test = FisherExactTest(a: a, b: b, c: c, d: d)
        #expect(Self.close(test.oddsRatio, odds))
        #expect(Self.close(test.pValue, p))
    }

    @Test(arguments: [
        ([5120, 4880], [1.0, 1.0], 5.76, 0.01639507184919225),
        ([9050, 950], [9.0, 1.0], 2.7777777777777777, 0.09558070454562936),
        ([3400, 3300, 3150], [1.0, 1.0, 1.0], 9.644670050761423, 0.008047972960729472),
    ])
    func sampleRatioMatchesScipysChiSquare(observed: [Int], weights: [Double], statistic: Double, p: Double) throws {
        let test = try #require(SampleRatioTest(observed: observed, weights: weights))
        #expect(Self.close(test.statistic, statistic))
        #expect(Self.close(test.pValue, p))
        #expect(!test.isMismatch)
        #expect(try #require(SampleRatioTest(observed: [5400, 4600], weights: [1, 1])).isMismatch)
        #expect(SampleRatioTest(observed: [10], weights: [1]) == nil)
    }

    @Test func powerMatchesStatsmodels() throws {
        let analysis = PowerAnalysis(standardError: 8.596204792936547, observedDifference: 25, units: 780)
        #expect(Self.close(try #require(analysis.power), 0.828511216530175))
        #expect(Self.close(analysis.minimumDetectableEffect, 24.08297078532987))
        // The reference's 723.83 units, rounded up.
        #expect(analysis.unitsNeeded == 724)
        #expect(analysis.moreUnits(than: 780) == 0)
        #expect(PowerAnalysis(standardError: 5, observedDifference: 0, units: 10).unitsNeeded == nil)
    }

    @Test func distributionsMatchScipy() {
        #expect(Self.close(StudentTDistribution(degreesOfFreedom: 7.5).quantile(0.975), 2.333039626864974))
        #expect(Self.close(StudentTDistribution(degreesOfFreedom: 30).quantile(0.025), -2.042272456301238))
        #expect(Self.close(StudentTDistribution(degreesOfFreedom: 2000).quantile(0.999), 3.0943122983290934))
        #expect(Self.close(StudentTDistribution(degreesOfFreedom: 12.3).twoSidedPValue(2.1), 0.05699495640904268, 1e-9))
        #expect(Self.close(StudentTDistribution(degreesOfFreedom: 50000).twoSidedPValue(4.5), 6.810643855501856e-06, 1e-9))
        #expect(Self.close(ChiSquaredDistribution(degreesOfFreedom: 1).survival(3.2), 0.07363827012030258, 1e-9))
        #expect(Self.close(ChiSquaredDistribution(degreesOfFreedom: 200).survival(250), 0.009379131668826098, 1e-9))
        #expect(Self.close(ChiSquaredDistribution(degreesOfFreedom: 4).survival(0.5), 0.9735009788392561, 1e-9))
        #expect(Self.close(NormalDistribution.quantile(0.975), 1.959963984540054, 1e-12))
        #expect(Self.close(NormalDistribution.quantile(1e-9), -5.9978070150076865, 1e-12))
        #expect(Self.close(NormalDistribution.quantile(0.8), 0.8416212335729143, 1e-12))
    }
}

extension InferenceTests {
    @Test func linearTrendMatchesScipysLinregress() throws {
        let fit = try #require(LinearTrend(x: [0, 1, 2, 3, 4.5, 6], y: [1.2, 1.9, 3.2, 3.8, 5.1, 7.4]))
        #expect(Self.close(fit.slope, 1.0010050251256284) && Self.close(fit.intercept, 1.013902847571189))
        #expect(Self.close(fit.correlation, 0.9911263900121484))
        #expect(Self.close(fit.pValue, 0.00011776207306585481))
        #expect(LinearTrend(x: [1, 2], y: [1, 2]) == nil)
        #expect(LinearTrend(x: [1, 1, 1], y: [1, 2, 3]) == nil)
        #expect(try #require(LinearTrend(x: [1, 2, 3], y: [4, 4, 4])).pValue == 1)
    }
}

extension InferenceTests {
    static let latency: [Double] = [820, 1300, 450, 2900, 1300, 640, 5100, 980, 2200, 760, 3300, 1500]
    static let satisfaction: [Double] = [1, 0.75, 1, 0.25, 0.75, 1, 0, 0.75, 0.5, 1, 0.25, 0.5]

    @Test func spearmanMatchesScipy() throws {
        let result = try #require(SpearmanCorrelation(Self.latency, Self.satisfaction))
        #expect(Self.close(result.rho, -0.9733285267845753))
        #expect(Self.close(result.pValue, 1.0164393599566424e-07))
        #expect(SpearmanCorrelation([1, 2, 3], [5, 5, 5]) == nil)
        #expect(AverageRanks([3, 1, 3, 2]).ranks == [3.5, 1, 3.5, 2])
        #expect(AverageRanks([3, 1, 3, 2]).tieCorrection == 6)
    }
}
