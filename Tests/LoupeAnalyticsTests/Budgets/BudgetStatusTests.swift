import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore
import Testing

struct BudgetStatusTests {
    static let hour = ForecastAnalyticsTests.hour
    static let start = ForecastAnalyticsTests.start
    /// Noon of the 22nd day: three weeks and a half of the forecast tests' traffic stored.
    static let now = start + (21 * 24 + 12) * hour

    static func store() async throws -> (InMemoryTelemetryStore, spentToday: Double) {
        let store = InMemoryTelemetryStore()
        var spans: [SpanRecord] = []
        var today = 0.0
        for h in 0..<(21 * 24 + 12) {
            let calls = 6 + Int((5 * sin(2 * Double.pi * Double(h % 24 - 6) / 24)).rounded())
            for i in 0..<calls { spans.append(ForecastAnalyticsTests.call("m\(h)-\(i)", hour: h, model: "gpt-4o-mini", cost: 0.01)) }
            for i in 0..<2 { spans.append(ForecastAnalyticsTests.call("g\(h)-\(i)", hour: h, model: "gpt-4o", cost: 0.05)) }
            if h >= 21 * 24 { today += Double(calls) * 0.01 + 0.1 }
        }
        _ = try await store.write(spans)
        return (store, today)
    }

    @Test func aDailyBudgetProjectedOverItsAmountSaysWhenItRunsOut() async throws {
        let (store, today) = try await Self.store()
        let analytics = TelemetryAnalytics(store: store)
        let status = try await analytics.budgetStatus(Budget(name: "day", amountUSD: 3, period: .daily), nowNanos: Self.now)
        #expect(status.periodStart == (Self.start + 21 * 24 * Self.hour) / 1_000_000_000 && status.periodEnd == status.periodStart + 86_400)
        #expect(abs(status.spentUSD - today) < 1e-9)
        // A whole day costs 24 × $0.10 for gpt-4o and about 24 × 6 × $0.01 for gpt-4o-mini: $3.84.
        let projected = try #require(status.projectedUSD)
        #expect(abs(projected - 3.84) < 0.15 && status.projectedLowerUSD! <= projected && projected <= status.projectedUpperUSD!)
        #expect(status.state == .projectedToExceed)
        let runOut = try #require(status.runOut)
        #expect(runOut > Self.now / 1_000_000_000 && runOut < status.periodEnd)
        let lead = try #require(status.drivers.first)
        #expect(lead.dimension == "model" && lead.value == "gpt-4o" && abs(lead.costUSD - 1.2) < 1e-9)
    }

    @Test func aMonthlyBudgetFarFromItsAmountIsOk() async throws {
        let (store, _) = try await Self.store()
        let status = try await TelemetryAnalytics(store: store).budgetStatus(
            Budget(name: "month", amountUSD: 1_000, period: .monthly, filters: ["model": "gpt-4o"]), nowNanos: Self.now
        )
        // The 22nd day is 14 December: the month began on the 1st.
        #expect(Date(timeIntervalSince1970: Double(status.periodStart)).formatted(.iso8601.year().month().day()) == "2026-12-01")
        #expect(status.state == .ok && status.runOut == nil && status.drivers.allSatisfy { $0.value == "gpt-4o" || $0.dimension == "user" })
    }

    @Test(arguments: [
        (0.2, nil, BudgetStatus.State.ok), (0.5, nil, .warning50), (0.85, nil, .warning80), (0.6, 1.2, .projectedToExceed), (1.0, nil, .exceeded),
    ] as [(Double, Double?, BudgetStatus.State)])
    func statesFollowTheSpendAndTheProjection(spent: Double, projected: Double?, state: BudgetStatus.State) {
        #expect(BudgetStatus.state(spent: spent, projected: projected, amount: 1) == state)
    }
}
