import ArgumentParser
import Foundation
import LoupeAlerts
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// `loupe budgets`: each budget's spend to date, its projection at the period's end and its state.
struct BudgetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budgets",
        abstract: "Show each budget of a budgets file against the stored spend: to date, projected, run-out, state, drivers.",
        discussion: """
            A budgets file (YAML or JSON):
              budgets:
                - {name: all, amount_usd: 2000, period: monthly}
                - {name: support, amount_usd: 50, period: daily, filters: {service: support-rag}}
                - {name: sales, amount_usd: 400, period: monthly, filters: {business_unit: sales}}
            States: ok, warning_50, warning_80, projected_to_exceed, exceeded.
            """
    )

    @Option(help: "The budgets file.")
    var budgets: String

    @Option(help: "SQLite database file written by `loupe serve` or `loupe demo`, or a ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    @Option(help: "Business dimensions budgets may filter by, comma-separated (as the server's --dimensions).")
    var dimensions = "business_unit,query_category"

    func run() async throws {
        let business = dimensions.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let set = try Self.load(budgets, dimensions: Budget.dimensions(business: business))
        guard !set.budgets.isEmpty else {
            print("\(budgets) holds no budgets.")
            return
        }
        let analytics = TelemetryAnalytics(store: try await StoreOpener.open(db))
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        for budget in set.budgets {
            let s = try await analytics.budgetStatus(budget, nowNanos: now)
            var line = String(format: "%@ [%@]: $%.2f of $%.2f %@ (%.0f%%)", budget.name, s.state.rawValue, s.spentUSD, budget.amountUSD,
                              budget.period.rawValue, s.spentShare * 100)
            if let projected = s.projectedUSD, let low = s.projectedLowerUSD, let high = s.projectedUpperUSD {
                line += String(format: "; projected $%.2f at the period's end (95%%: $%.2f–$%.2f)", projected, low, high)
            } else {
                line += "; too little history to project"
            }
            if let runOut = s.runOut {
                line += "; runs out about " + Date(timeIntervalSince1970: Double(runOut)).formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false))
            }
            print(line)
            if !s.drivers.isEmpty {
                print("  driven by " + s.drivers.map { String(format: "%@ %@ ($%.2f)", $0.dimension, $0.value, $0.costUSD) }.joined(separator: ", "))
            }
        }
    }

    static func load(_ path: String, dimensions: [String]) throws -> BudgetSet {
        try TextFile.load(path) { try BudgetSet.load(text: $0, dimensions: dimensions) }
    }
}
