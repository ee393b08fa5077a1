/// What the cost template shows.
struct CostView: Sendable {
    struct Row: Sendable {
        var name: String
        var href: String
        var cost: String
        var costRaw: String
        var share: String
        var perUnit: String
        var perThousandTokens: String
        var tokens: String
        var cachedShare: String
        var unpriced: Int64
    }

    /// A budget's state, in words.
    struct BudgetRow: Sendable {
        var name: String
        var scope: String
        var period: String
        var state: String
        var stateClass: String
        var spent: String
        var share: String
        var projected: String
        var runOut: String
        var drivers: String
    }

    /// The next week's cost, or why there is no forecast yet.
    struct ForecastPanel: Sendable {
        var headline: String?
        var note: String
        var chart: String?
    }

    struct Unpriced: Sendable {
        var provider: String
        var model: String
        var calls: Int64
        var tokens: String
    }

    var hasData: Bool
    var by: String
    var unit: String
    var options: [ViewLink]
    var cards: [OverviewView.Card]
    var rows: [Row]
    var forecast: ForecastPanel
    var budgets: [BudgetRow]
    var hasBudgets: Bool
    var unpriced: [Unpriced]
    var hasUnpriced: Bool
}
