import Foundation

/// A forecast of one series: the next points with their prediction interval, the method that made
/// them, and how far off the same method was on the most recent history it was not fitted to.
public struct Forecast: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        /// Steps ahead of the last observation, from 1.
        public var step: Int
        public var mean: Double
        /// The 95% prediction interval.
        public var lower: Double
        public var upper: Double
    }

    /// The scale Holt-Winters runs on. Traffic and cost usually grow and swing in proportion to
    /// their level (a busy Monday noon swings more than a quiet Sunday night), which an additive
    /// model fitted to logarithms captures; a series with zeros stays on its own scale.
    public enum Scale: String, Sendable, Hashable {
        case linear
        case logarithmic
    }

    public var points: [Point]
    /// The fitted model: its smoothing parameters and seasonal period.
    public var model: HoltWinters
    public var scale: Scale
    /// Whether the level may trend; without, it is flat plus the season (a trend learnt from a
    /// few days would otherwise run on for a month).
    public var trend: Bool
    /// Mean absolute percentage error of the method on the last `backtestPoints` observations,
    /// fitted on what came before them; nil when history is too short to spare them.
    public var backtestMAPE: Double?
    public var backtestPoints: Int

    /// The method in words, for people and for the API.
    public var method: String {
        let kind = scale == .linear ? "additive Holt-Winters" : "Holt-Winters on logarithms (seasonal swings in proportion to the level)"
        let slope = trend ? "β \(model.beta)" : "no trend"
        return "\(kind), seasonal period \(model.period) steps, α \(model.alpha), \(slope), γ \(model.gamma)"
    }

    /// Fits Holt-Winters with the first of `periods` the history covers twice, with or without a
    /// trend (without when the history is shorter than the horizon) and on the scale whose backtest (the last period, at most a quarter of the history,
    /// held out) is best, and forecasts `horizon` steps. Nil when the history is shorter than two
    /// of the shortest period.
    public static func make(_ values: [Double], periods: [Int], horizon: Int) -> Forecast? {
        guard let period = periods.first(where: { values.count >= 2 * $0 }) else { return nil }
        let scales: [Scale] = values.allSatisfy { $0 > 0 } ? [.linear, .logarithmic] : [.linear]
        // A trend learnt from less history than the horizon is not extrapolated over it: four days
        // of growth say little about the rest of a month.
        let trends = values.count >= horizon ? [false, true] : [false]
        let candidates = scales.flatMap { scale in
            trends.compactMap { make(values, period: period, horizon: horizon, scale: scale, trend: $0) }
        }
        return candidates.min { ($0.backtestMAPE ?? .infinity) < ($1.backtestMAPE ?? .infinity) } ?? candidates.first
    }

    private static func make(_ values: [Double], period: Int, horizon: Int, scale: Scale, trend: Bool) -> Forecast? {
        let fitted = scale == .linear ? values : values.map { log($0) }
        guard let fit = HoltWinters.fit(fitted, period: period, trend: trend) else { return nil }
        func back(_ points: [Point]) -> [Point] {
            scale == .linear ? points : points.map { Point(step: $0.step, mean: exp($0.mean), lower: exp($0.lower), upper: exp($0.upper)) }
        }
        let held = min(period, values.count / 4)
        var mape: Double?
        if values.count - held >= 2 * period, held > 0, let earlier = HoltWinters.fit(Array(fitted.dropLast(held)), period: period, trend: trend) {
            mape = Self.mape(actual: Array(values.suffix(held)), predicted: back(earlier.forecast(held)).map(\.mean))
        }
        return Forecast(
            points: back(fit.forecast(horizon)), model: fit.model, scale: scale, trend: trend, backtestMAPE: mape,
            backtestPoints: mape == nil ? 0 : held
        )
    }

    /// Mean absolute percentage error over the points whose actual value is not zero.
    public static func mape(actual: [Double], predicted: [Double]) -> Double? {
        let pairs = zip(actual, predicted).filter { $0.0 != 0 }
        guard !pairs.isEmpty else { return nil }
        return pairs.reduce(0) { $0 + abs($1.0 - $1.1) / abs($1.0) } / Double(pairs.count)
    }
}
