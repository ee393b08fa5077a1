import Foundation
import LoupeAnalytics

/// The budgets in force: read from a YAML or JSON file (`budgets: [...]`), changed through the API.
public struct BudgetSet: Sendable, Hashable {
    public private(set) var budgets: [Budget]

    public init(budgets: [Budget] = []) {
        self.budgets = budgets
    }

    /// Adds or replaces the budget of that name, refusing one the analytics cannot apply.
    public mutating func upsert(_ budget: Budget, dimensions: [String]) throws(AlertRuleError) {
        if let problem = budget.problem(dimensions: dimensions) { throw .invalid("budget '\(budget.name)'", problem) }
        if let i = budgets.firstIndex(where: { $0.name == budget.name }) { budgets[i] = budget } else { budgets.append(budget) }
    }

    public mutating func remove(_ name: String) -> Bool {
        guard let i = budgets.firstIndex(where: { $0.name == name }) else { return false }
        budgets.remove(at: i)
        return true
    }

    private struct File: Decodable {
        var budgets: [Budget]?
    }

    /// Reads a budgets file; every mistake names the budget and the field.
    public static func load(text: String, dimensions: [String]) throws(AlertRuleError) -> BudgetSet {
        let file = try YAMLFile.decode(File.self, from: text)
        var set = BudgetSet()
        for budget in file.budgets ?? [] {
            guard !set.budgets.contains(where: { $0.name == budget.name }) else { throw .invalid("budget '\(budget.name)'", "two budgets have this name") }
            try set.upsert(budget, dimensions: dimensions)
        }
        return set
    }
}
