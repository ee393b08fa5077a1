/// What a value is expected to be at one point of a series, from the points before it: their
/// median and median absolute deviation, so that a past incident does not poison the baseline.
///
/// With a day or more of history the reference is seasonal: the same time of day on previous days
/// (a window of `seasonalHalfWidth` steps around it), and the same time of week when two weeks are
/// there. With less, it is the trailing `trailingWindow` points. Its confidence says which, and how
/// many points it rests on.
public struct RobustBaseline: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The same time of day (or week) on earlier days.
        case seasonal
        /// The points just before: useful from the first hour, blind to daily patterns.
        case trailing
    }

    public var median: Double
    /// Median absolute deviation, scaled by 1.4826 to estimate a normal standard deviation.
    public var spread: Double
    public var points: Int
    public var kind: Kind

    /// How much the baseline can be trusted, 0 to 1: seasonal baselines over many points most.
    public var confidence: Double {
        let coverage = min(1, Double(points) / 60)
        return kind == .seasonal ? 0.5 + 0.5 * coverage : 0.5 * coverage
    }

    /// Steps per day and per week for a series of `stepSeconds`.
    public struct Calendar: Sendable, Hashable {
        public var stepsPerDay: Int
        public var stepsPerWeek: Int

        public init(stepSeconds: Int64) {
            stepsPerDay = Int(86_400 / max(stepSeconds, 1))
            stepsPerWeek = stepsPerDay * 7
        }
    }

    public static let trailingWindow = 60
    public static let seasonalHalfWidth = 15

    /// The baseline of point `index` of `values`, from earlier points only; nil when fewer than
    /// `minimumPoints` earlier points have a value.
    public static func at(
        _ index: Int, of values: [Double?], calendar: Calendar, minimumPoints: Int = 10
    ) -> RobustBaseline? {
        // Weekly when two earlier weeks exist, else daily when one earlier day does; each falls
        // back to the next when the store holds too little of it (it started collecting later).
        var periods: [Int] = []
        if index >= 2 * calendar.stepsPerWeek { periods.append(calendar.stepsPerWeek) }
        if index >= calendar.stepsPerDay { periods.append(calendar.stepsPerDay) }
        var reference: [Double] = []
        var kind = Kind.trailing
        for period in periods {
            reference.removeAll(keepingCapacity: true)
            var back = index - period
            while back >= 0 {
                for j in max(0, back - seasonalHalfWidth)...min(index - 1, back + seasonalHalfWidth) {
                    if let v = values[j] { reference.append(v) }
                }
                back -= period
            }
            if reference.count >= minimumPoints {
                kind = .seasonal
                break
            }
        }
        if kind == .trailing {
            reference.removeAll(keepingCapacity: true)
            for j in max(0, index - trailingWindow)..<index {
                if let v = values[j] { reference.append(v) }
            }
        }
        guard reference.count >= minimumPoints else { return nil }
        let median = Self.median(&reference)
        var deviations = reference.map { abs($0 - median) }
        let mad = Self.median(&deviations)
        return RobustBaseline(median: median, spread: 1.4826 * mad, points: reference.count, kind: kind)
    }

    /// The median, sorting the array in place.
    static func median(_ values: inout [Double]) -> Double {
        values.sort()
        let n = values.count
        guard n > 0 else { return 0 }
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2
    }
}
