/// One model's use of one rate limit: its busiest minute lately, and when the forecast says it
/// will reach the limit.
public struct CapacityReport: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case tokens = "tpm"
        case requests = "rpm"
    }

    /// The busiest minute expected in one forecast hour.
    public struct Hour: Sendable, Hashable {
        /// Unix seconds of the hour's start.
        public var time: Int64
        public var peakPerMinute: Double
        public var peakUpperPerMinute: Double
    }

    public var limit: RateLimit
    public var kind: Kind
    public var perMinute: Double
    /// The busiest minute of the last 24 hours.
    public var recentPeak: Double
    /// How much busier an hour's busiest minute is than its average minute (median over recent hours).
    public var peakFactor: Double
    /// The next week, hour by hour; empty with too little history to forecast.
    public var hours: [Hour]
    /// The first hour whose expected busiest minute reaches the limit.
    public var firstBreach: Int64?
    /// Hours of the day (UTC) in which the limit is expected to be reached.
    public var breachHoursOfDay: [Int]
    /// Whether every expected breach falls on a weekday.
    public var weekdaysOnly: Bool
    public var sentence: String
}
