import LoupeCore
import Testing

struct HoltWintersTests {
    static let values: [Double] = [10, 14, 8, 25, 16, 22, 14, 35, 15, 27, 18, 40, 28, 40, 25, 65]

    /// Expected values from References/holt_winters.py (statsmodels' ExponentialSmoothing).
    @Test func theRecursionAndForecastsMatchStatsmodels() {
        let fit = HoltWinters(alpha: 0.4, beta: 0.2, gamma: 0.3, period: 4)
            .run(Self.values, level: 12, trend: 1.5, seasonal: [-3, 1, -5, 9])
        let fitted = [
            10.5, 15.76, 10.3752, 24.554304, 13.74742208, 19.6154991616, 15.9205454776, 31.380758429, 22.8922213016,
            24.4372336205, 19.2316115518, 36.3939881959, 24.2103159263, 34.2627347561, 30.1407068194, 47.8301127074,
        ]
        #expect(zip(fit.fitted, fitted).allSatisfy { abs($0 - $1) < 1e-8 })
        #expect(abs(fit.level - 43.3967828119) < 1e-8 && abs(fit.trend - 3.1597876778) < 1e-8)
        let forecast = [42.8515826974, 53.3937179061, 44.6757266907, 72.4881845235, 55.4907334086, 66.0328686174]
        #expect(zip(fit.forecast(6).map(\.mean), forecast).allSatisfy { abs($0 - $1) < 1e-8 })
    }

    @Test func theIntervalWidensWithTheHorizon() throws {
        let fit = try #require(HoltWinters.fit(Self.values, period: 4))
        let points = fit.forecast(8)
        let widths = points.map { $0.upper - $0.lower }
        #expect(zip(widths, widths.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(points.allSatisfy { $0.lower < $0.mean && $0.mean < $0.upper })
        // Two periods at least: one is not enough to tell a season from a trend.
        #expect(HoltWinters.fit(Array(Self.values.prefix(7)), period: 4) == nil)
    }

    /// A few held-out seeds of the benchmark (`loupe bench forecast` runs fifty): a week of hourly
    /// cost forecast from four weeks, with 5% noise, is off by little more than the noise.
    @Test func aWeekOfHourlyCostIsForecastAboutAsWellAsItsNoiseAllows() {
        let score = ForecastBenchmark.score(seeds: [201, 202, 203], noise: 0.05)
        #expect(score.mape.count == 3)
        #expect(score.meanMAPE <= 0.06, "MAPE \(score.mape)")
        #expect(score.meanCoverage >= 0.85, "coverage \(score.coverage)")
    }
}
