import LoupeAlerts
import LoupeAnalytics
import Testing

struct BudgetSetTests {
    static let dimensions = ["project", "service", "model", "user", "business_unit"]

    @Test func aBudgetsFileIsReadWithItsDefaults() throws {
        let set = try BudgetSet.load(text: """
            budgets:
              - {name: all, amount_usd: 2000}
              - {name: support, amount_usd: 50, period: daily, filters: {service: support-rag}}
            """, dimensions: Self.dimensions)
        #expect(set.budgets == [
            Budget(name: "all", amountUSD: 2_000, period: .monthly),
            Budget(name: "support", amountUSD: 50, period: .daily, filters: ["service": "support-rag"]),
        ])
    }

    @Test(arguments: [
        ("budgets: [{name: a, amount_usd: 0}]", "positive"),
        ("budgets: [{name: a, amount_usd: 5, filters: {colour: red}}]", "'colour' is not a dimension"),
        ("budgets: [{name: a, amount_usd: 5}, {name: a, amount_usd: 6}]", "two budgets have this name"),
        ("budgets: [{name: a, amount_usd: 5, period: weekly}]", "cannot be read"),
        ("budgets: [{amount_usd: 5}]", "name"),
    ])
    func badBudgetsAreRefusedWithTheReason(text: String, expected: String) {
        #expect {
            try BudgetSet.load(text: text, dimensions: Self.dimensions)
        } throws: { error in
            "\(error)".contains(expected)
        }
    }
}
