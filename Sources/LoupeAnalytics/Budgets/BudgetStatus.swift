/// Where a budget stands now: spend to date, the forecast spend at the period's end, when it runs
/// out at that pace, and what drives it.
public struct BudgetStatus: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, CaseIterable {
        case ok
        /// Half the budget is spent.
        case warning50 = "warning_50"
        /// Four fifths are spent.
        case warning80 = "warning_80"
        /// The forecast spend at the period's end is over the amount.
        case projectedToExceed = "projected_to_exceed"
        case exceeded
    }

    /// A value that drives the spend: a model or a user, with its cost in the period so far.
    public struct Driver: Sendable, Hashable {
        public var dimension: String
        public var value: String
        public var costUSD: Double
    }

    public var budget: Budget
    /// Unix seconds.
    public var periodStart: Int64
    public var periodEnd: Int64
    public var spentUSD: Double
    /// Spend at the period's end: to date plus the forecast of the rest, with the 95% interval
    /// (the interval sums the hourly bounds, as if every hour erred the same way: wide, not narrow).
    /// Nil when there is too little history to forecast.
    public var projectedUSD: Double?
    public var projectedLowerUSD: Double?
    public var projectedUpperUSD: Double?
    /// Unix seconds of the hour the forecast crosses the amount, when that is before the period ends.
    public var runOut: Int64?
    public var state: State
    public var drivers: [Driver]
    public var forecastMethod: String?

    public var spentShare: Double { spentUSD / budget.amountUSD }

    /// The state of a spend and a projection against an amount: exceeded, then projected to exceed,
    /// then the 80% and 50% warnings.
    public static func state(spent: Double, projected: Double?, amount: Double) -> State {
        if spent >= amount { return .exceeded }
        if let projected, projected > amount { return .projectedToExceed }
        if spent >= 0.8 * amount { return .warning80 }
        if spent >= 0.5 * amount { return .warning50 }
        return .ok
    }
}
