import Foundation
import LoupeAlerts
import LoupeAnalytics
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeDashboard

/// The cost page lists the server's budgets with their state, escaped like everything else.
struct CostBudgetsTests {
    @Test func budgetsShowTheirStateSpendAndDrivers() async throws {
        let store = try await DashboardPagesTests.store()
        let book = BudgetBook(BudgetSet(budgets: [
            Budget(name: "rag <b>daily</b>", amountUSD: 0.01, period: .daily, filters: ["service": "rag"]),
            Budget(name: "all", amountUSD: 100, period: .monthly),
        ]), dimensions: ["service"])
        let dashboard = Dashboard(
            analytics: TelemetryAnalytics(store: store), businessDimensions: [], otlpEndpoint: "http://127.0.0.1:4318/v1/traces", budgets: book
        )
        let html = try await dashboard.cost(["range": "1h"], nowNanos: DashboardPagesTests.now)
        // Twelve calls at $0.002: $0.024 spent of $0.01 is exceeded; of $100, ok.
        #expect(html.contains("id=\"budgets\""))
        #expect(html.contains("rag &lt;b&gt;daily&lt;/b&gt;") && !html.contains("<b>daily</b>"))
        #expect(html.contains("<span class=\"badge critical\">exceeded</span>") && html.contains("<span class=\"badge \">ok</span>"))
        #expect(html.contains("$0.02 of $0.01") && html.contains("too little history"))
        // Without budgets the panel is not there.
        let plain = try await DashboardPagesTests.dashboard(store).cost(["range": "1h"], nowNanos: DashboardPagesTests.now)
        #expect(!plain.contains("id=\"budgets\"") && plain.contains("id=\"forecast\""))
    }
}
