/// What a ``ModelPrice`` is denominated in.
///
/// Most providers bill in US dollars. Snowflake Cortex bills in Snowflake *credits*, whose dollar
/// value depends on the customer's contract, so credit prices are converted only at cost time
/// with a configurable ``CostCalculator/creditPriceUSD``.
public enum PriceUnit: String, Sendable, Hashable, Codable, CaseIterable {
    case usd
    case credits
}
