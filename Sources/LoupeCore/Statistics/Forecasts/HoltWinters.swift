import Foundation

/// Additive Holt-Winters (ETS(A,A,A)): a level, a trend and one seasonal cycle of `period`
/// points, each smoothed exponentially. Pure arithmetic, no clocks or I/O.
///
/// The recursion is statsmodels' `ExponentialSmoothing(trend="add", seasonal="add")`, so its
/// fitted values and forecasts can be checked against it (see the reference script in the tests):
///
///     l[t] = α (y[t] − s[t−m]) + (1 − α)(l[t−1] + b[t−1])
///     b[t] = β (l[t] − l[t−1]) + (1 − β) b[t−1]
///     s[t] = γ (y[t] − l[t−1] − b[t−1]) + (1 − γ) s[t−m]
///     ŷ[t+h] = l[t] + h b[t] + s[t+h−m⌈h/m⌉]
///
/// Written here because none of the packages Loupe builds on fits exponential smoothing.
public struct HoltWinters: Sendable, Hashable {
    public var alpha: Double
    public var beta: Double
    public var gamma: Double
    public var period: Int

    public init(alpha: Double, beta: Double, gamma: Double, period: Int) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.period = period
    }

    /// The state after the last observation, and how well one-step forecasts fitted on the way.
    public struct Fit: Sendable, Hashable {
        public var model: HoltWinters
        public var level: Double
        public var trend: Double
        /// The seasonal terms of the next `period` steps: `seasonal[k]` applies `k + 1` steps ahead.
        public var seasonal: [Double]
        /// One-step-ahead forecasts of each observation (the first is the initial state's).
        public var fitted: [Double]
        /// The residuals' standard deviation: the noise the prediction interval is built on.
        public var sigma: Double
        public var sse: Double

        /// The next `horizon` points with a prediction interval at `z` standard errors (1.96 for
        /// 95%), from the ETS(A,A,A) forecast variance σ²(1 + Σⱼ (α + αβj + γ·[j ≡ 0 mod m])²).
        public func forecast(_ horizon: Int, z: Double = 1.96) -> [Forecast.Point] {
            let (a, b, g, m) = (model.alpha, model.beta, model.gamma, model.period)
            var variance = 0.0
            return (1...max(1, horizon)).map { h in
                let season = seasonal[(h - 1) % m]
                let mean = level + Double(h) * trend + season
                if h > 1 {
                    let j = Double(h - 1)
                    let c = a + a * b * j + ((h - 1) % m == 0 ? g : 0)
                    variance += c * c
                }
                let se = sigma * (1 + variance).squareRoot()
                return Forecast.Point(step: h, mean: mean, lower: mean - z * se, upper: mean + z * se)
            }
        }
    }

    /// Runs the recursion from a known initial state (`seasonal` holds s[1−m]…s[0]).
    public func run(_ values: [Double], level l0: Double, trend b0: Double, seasonal s0: [Double]) -> Fit {
        precondition(s0.count == period, "one initial seasonal term per step of the period")
        var level = l0
        var trend = b0
        var seasonal = s0
        var fitted: [Double] = []
        fitted.reserveCapacity(values.count)
        var sse = 0.0
        for (t, y) in values.enumerated() {
            let i = t % period
            let forecast = level + trend + seasonal[i]
            fitted.append(forecast)
            sse += (y - forecast) * (y - forecast)
            let (previousLevel, previousTrend) = (level, trend)
            level = alpha * (y - seasonal[i]) + (1 - alpha) * (previousLevel + previousTrend)
            trend = beta * (level - previousLevel) + (1 - beta) * previousTrend
            seasonal[i] = gamma * (y - previousLevel - previousTrend) + (1 - gamma) * seasonal[i]
        }
        // Rotate so the first term is the next step's.
        let next = values.count % period
        let rotated = Array(seasonal[next...] + seasonal[..<next])
        let n = Double(max(1, values.count - 3))
        return Fit(model: self, level: level, trend: trend, seasonal: rotated, fitted: fitted, sigma: (sse / n).squareRoot(), sse: sse)
    }
}
