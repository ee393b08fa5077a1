/// One business unit's return over a range or a step: what its successful requests were worth
/// against what all its requests cost.
public struct RoiLine: Sendable, Hashable {
    /// The unit (the dimension's value); empty for requests without one (valued at the default),
    /// `total` for all.
    public var unit: String
    public var requests: Int
    /// Requests that did not fail and whose answer no user disliked.
    public var successful: Int
    public var failed: Int
    public var negativeFeedback: Int
    /// The priced cost of the unit's calls (as the summary by the unit's dimension counts it).
    public var costUSD: Double
    /// Successful requests at the unit's value; nil when no value is configured for it.
    public var valueUSD: Double?
    public var minutesSaved: Double?

    /// Value less cost.
    public var netUSD: Double? { valueUSD.map { $0 - costUSD } }
    /// Net over cost: 2 means each dollar spent returned three. Nil without a value or a cost.
    public var roi: Double? { costUSD > 0 ? netUSD.map { $0 / costUSD } : nil }
    /// What one successful request cost, failures and disliked answers included.
    public var costPerSuccessUSD: Double? { successful > 0 ? costUSD / Double(successful) : nil }
    /// Nil without requests: a unit can have cost and no request of its own, when its calls carry
    /// the dimension and its requests' entry spans do not.
    public var successRate: Double? { requests == 0 ? nil : Double(successful) / Double(requests) }
}
