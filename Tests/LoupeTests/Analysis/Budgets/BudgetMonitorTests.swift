import Loupe
import LoupeTesting
import Testing

struct BudgetMonitorTests {
    private func call(_ harness: Harness, _ ms: Int, fail: Bool = false) async {
        _ = try? await harness.telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o-mini")) { _ in
            harness.clock.advance(by: .milliseconds(ms))
            if fail { throw TestFailure() }
        }
    }

    @Test func recordsEachViolationWithItsOverage() async throws {
        let harness = Harness()
        let monitor = BudgetMonitor(
            reportingTo: harness.telemetry, budgets: LatencyBudgets(["chat gpt-4o-mini": .milliseconds(100)]))
        try monitor.attach()

        await call(harness, 50)
        await call(harness, 150)
        await call(harness, 300, fail: true)

        let violations = harness.recorder.events(named: .budgetViolation)
        #expect(violations.count == 2)
        #expect(violations.map { $0.measurements[MeasurementKey.overageMs] } == [50, 200])
        #expect(violations.map { $0.measurements[MeasurementKey.overageRatio] } == [0.5, 2])
        #expect(violations.map { $0.measurements[MeasurementKey.budgetMs] } == [100, 100])
        #expect(violations.map { $0.measurements[MeasurementKey.durationMs] } == [150, 300])
        #expect(violations[0].metadata[LoupeAttributes.analysisOperation] == "chat gpt-4o-mini")
        #expect(violations[0].metadata[GenAIAttributes.requestModel] == "gpt-4o-mini")
        // Each violation is in the context of the slow span, so it links to its trace.
        let slow = harness.recorder.events(named: EventName.llmCall.stop)[1]
        #expect(violations[0].spanContext == slow.spanContext)
        #expect(violations[1].spanContext == harness.recorder.events(named: EventName.llmCall.exception)[0].spanContext)
    }

    @Test func summarisesAWindow() async throws {
        let harness = Harness()
        let monitor = BudgetMonitor(
            reportingTo: harness.telemetry, budgets: LatencyBudgets(["chat gpt-4o-mini": .milliseconds(100)]),
            window: .seconds(300))
        try monitor.attach()
        for ms in [50, 150, 300, 80] { await call(harness, ms) }

        #expect(monitor.current(now: harness.clock.now()).map(\.violations) == [2])
        harness.clock.advance(by: .seconds(300))
        let summaries = monitor.flush(now: harness.clock.now())

        let summary = try #require(summaries.first)
        #expect(summaries.count == 1)
        #expect(summary.calls == 4)
        #expect(summary.violations == 2)
        #expect(summary.overBudgetShare == 0.5)
        #expect(summary.worstOverageMs == 200)
        #expect(summary.worstOverageRatio == 2)
        #expect(summary.budgetMs == 100)
        let event = try #require(harness.only(.budgetWindow))
        #expect(event.measurements[MeasurementKey.violationCount] == 2)
        #expect(event.measurements[MeasurementKey.overBudgetShare] == 0.5)
        #expect(event.measurements[MeasurementKey.worstOverageMs] == 200)
        #expect(event.measurements[MeasurementKey.count] == 4)
    }

    @Test func checksOnlyBudgetedOperations() {
        let harness = Harness()
        let budgets = LatencyBudgets(["fast": .milliseconds(10)])
        let monitor = BudgetMonitor(reportingTo: harness.telemetry, budgets: budgets)
        let slow = { (operation: String) in
            SpanOutcome(span: "work", operation: operation, durationNanos: 1_000_000_000)
        }

        #expect(monitor.record(slow("unbudgeted"), at: harness.clock.now()) == nil)
        #expect(monitor.record(slow("fast"), at: harness.clock.now())?.overageMs == 990)
        #expect(monitor.flush(now: harness.clock.now(), includingPartial: true).map(\.operation) == ["fast"])
    }

    @Test func aDefaultBudgetCoversEveryOperation() {
        var budgets = LatencyBudgets(default: .seconds(2))
        budgets["retrieval docs"] = .milliseconds(150)

        #expect(budgets["retrieval docs"] == .milliseconds(150))
        #expect(budgets["anything else"] == .seconds(2))
        #expect(LatencyBudgets()["anything"] == nil)
    }
}
