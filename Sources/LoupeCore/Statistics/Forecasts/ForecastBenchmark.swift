import Foundation

/// A benchmark for ``Forecast``: hourly series with a daily cycle, quieter weekends, slow growth
/// and multiplicative noise; four weeks are history and the following week is forecast and scored.
/// Seeds make it reproducible; the figures are reported on seeds the grid was not chosen on.
public enum ForecastBenchmark {
    public static let historyHours = 28 * 24
    public static let horizonHours = 7 * 24

    /// One series of `historyHours + horizonHours` hourly values (cost per hour, say).
    public static func series(seed: UInt64, noise: Double) -> [Double] {
        var random = SeededRandom(state: seed &* 0x9E37_79B9_7F4A_7C15 &+ 17)
        let level = 2 + 40 * random.uniform()
        let growth = 0.3 * random.uniform()  // up to +30% over the five weeks
        let phase = random.uniform() * 2 * .pi
        let weekend = 0.4 + 0.4 * random.uniform()
        let count = historyHours + horizonHours
        return (0..<count).map { t in
            let day = (t / 24) % 7
            let daily = 1 + 0.6 * sin(2 * .pi * Double(t % 24) / 24 + phase)
            let weekly = day >= 5 ? weekend : 1
            let trend = 1 + growth * Double(t) / Double(count)
            return level * daily * weekly * trend * exp(noise * random.normal())
        }
    }

    /// Per series: the forecast's MAPE over the horizon, and the share of actual values inside the
    /// 95% interval.
    public struct Score: Sendable {
        public var mape: [Double] = []
        public var coverage: [Double] = []

        public var meanMAPE: Double { mape.isEmpty ? 0 : mape.reduce(0, +) / Double(mape.count) }
        public var medianMAPE: Double {
            let sorted = mape.sorted()
            return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        }
        public var meanCoverage: Double { coverage.isEmpty ? 0 : coverage.reduce(0, +) / Double(coverage.count) }
    }

    /// Forecasts the last week of each seed's series from the four before, with the periods the
    /// analytics use for hourly series (a week, else a day).
    public static func score(seeds: [UInt64], noise: Double) -> Score {
        var score = Score()
        for seed in seeds {
            let values = series(seed: seed, noise: noise)
            let history = Array(values.prefix(historyHours))
            let actual = Array(values.suffix(horizonHours))
            guard let forecast = Forecast.make(history, periods: [168, 24], horizon: horizonHours) else { continue }
            if let mape = Forecast.mape(actual: actual, predicted: forecast.points.map(\.mean)) { score.mape.append(mape) }
            let inside = zip(actual, forecast.points).filter { $0.0 >= $0.1.lower && $0.0 <= $0.1.upper }.count
            score.coverage.append(Double(inside) / Double(actual.count))
        }
        return score
    }
}
