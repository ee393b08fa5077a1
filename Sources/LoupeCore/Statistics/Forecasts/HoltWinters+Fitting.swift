extension HoltWinters {
    /// The smoothing parameters tried. A grid, not an optimiser: the one-step error surface is
    /// flat near its minimum, and a grid is predictable and fast enough (a few hundred points).
    static let alphas: [Double] = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7]
    static let betas: [Double] = [0, 0.01, 0.05, 0.1]
    static let gammas: [Double] = [0.05, 0.1, 0.2, 0.3, 0.5]

    /// The classical initial state: the first period's mean as the level, the change between the
    /// first two periods' means per step as the trend, the first period's deviations as the season.
    public static func initialState(_ values: [Double], period: Int) -> (level: Double, trend: Double, seasonal: [Double]) {
        let first = values.prefix(period)
        let level = first.reduce(0, +) / Double(period)
        let second = values.dropFirst(period).prefix(period)
        let trend = second.count == period ? (second.reduce(0, +) / Double(period) - level) / Double(period) : 0
        return (level, trend, first.map { $0 - level })
    }

    /// The parameters of the grid with the least one-step-ahead squared error, and the state they
    /// end in; nil with fewer than two periods of values. Without `trend` the trend is held at zero.
    public static func fit(_ values: [Double], period: Int, trend: Bool = true) -> Fit? {
        guard period >= 1, values.count >= 2 * period else { return nil }
        var start = initialState(values, period: period)
        if !trend { start.trend = 0 }
        var best: Fit?
        for alpha in alphas {
            for beta in trend ? betas : [0] {
                for gamma in gammas {
                    let fit = HoltWinters(alpha: alpha, beta: beta, gamma: gamma, period: period)
                        .run(values, level: start.level, trend: start.trend, seasonal: start.seasonal)
                    if fit.sse < best?.sse ?? .infinity { best = fit }
                }
            }
        }
        return best
    }
}
