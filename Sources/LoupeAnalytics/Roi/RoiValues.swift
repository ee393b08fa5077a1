/// What a successful request is worth, per value of a business dimension: the configuration ROI
/// is computed from (a YAML or JSON file, `loupe serve --roi FILE`).
///
/// ```yaml
/// by: business_unit            # or query_category, or any recorded dimension
/// default: {value_per_success_usd: 0.50, minutes_saved: 2}
/// units:
///   support: {value_per_success_usd: 1.20, minutes_saved: 6}
///   sales: {minutes_saved: 10}  # valued at hourly_rate_usd
/// hourly_rate_usd: 60
/// ```
public struct RoiValues: Sendable, Hashable, Decodable {
    /// One unit's worth of a successful request.
    public struct Worth: Sendable, Hashable, Decodable {
        public var valuePerSuccessUSD: Double?
        public var minutesSaved: Double?

        public init(valuePerSuccessUSD: Double? = nil, minutesSaved: Double? = nil) {
            self.valuePerSuccessUSD = valuePerSuccessUSD
            self.minutesSaved = minutesSaved
        }

        enum CodingKeys: String, CodingKey { case valuePerSuccessUSD = "value_per_success_usd", minutesSaved = "minutes_saved" }
    }

    /// The dimension whose values are the business units.
    public var by: String
    public var defaults: Worth
    public var units: [String: Worth]
    /// Values minutes saved where a unit has no value per success of its own.
    public var hourlyRateUSD: Double?

    public init(by: String = "business_unit", defaults: Worth = Worth(), units: [String: Worth] = [:], hourlyRateUSD: Double? = nil) {
        self.by = by
        self.defaults = defaults
        self.units = units
        self.hourlyRateUSD = hourlyRateUSD
    }

    enum CodingKeys: String, CodingKey { case by, defaults = "default", units, hourlyRateUSD = "hourly_rate_usd" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            by: try c.decodeIfPresent(String.self, forKey: .by) ?? "business_unit",
            defaults: try c.decodeIfPresent(Worth.self, forKey: .defaults) ?? Worth(),
            units: try c.decodeIfPresent([String: Worth].self, forKey: .units) ?? [:],
            hourlyRateUSD: try c.decodeIfPresent(Double.self, forKey: .hourlyRateUSD)
        )
    }

    /// Minutes a successful request of the unit saves; nil when neither the unit nor the default says.
    public func minutesSaved(_ unit: String) -> Double? {
        units[unit]?.minutesSaved ?? defaults.minutesSaved
    }

    /// What a successful request of the unit is worth: its own value, else its minutes at the hourly
    /// rate, else the default value, else the default minutes at the rate; nil when nothing says.
    public func valuePerSuccess(_ unit: String) -> Double? {
        if let value = units[unit]?.valuePerSuccessUSD { return value }
        if let minutes = units[unit]?.minutesSaved, let rate = hourlyRateUSD { return minutes * rate / 60 }
        if let value = defaults.valuePerSuccessUSD { return value }
        if let minutes = defaults.minutesSaved, let rate = hourlyRateUSD { return minutes * rate / 60 }
        return nil
    }

    /// A sentence naming the first value that cannot be used; nil when all can.
    public var problem: String? {
        if by.isEmpty { return "by: name the dimension whose values are the business units" }
        if let rate = hourlyRateUSD, !(rate >= 0 && rate.isFinite) { return "hourly_rate_usd must be a number of dollars, 0 or more" }
        for (name, worth) in [("default", defaults)] + units.sorted(by: { $0.key < $1.key }) {
            for (field, value) in [("value_per_success_usd", worth.valuePerSuccessUSD), ("minutes_saved", worth.minutesSaved)] {
                if let value, !(value >= 0 && value.isFinite) { return "\(name).\(field) must be 0 or more" }
            }
        }
        return nil
    }
}
