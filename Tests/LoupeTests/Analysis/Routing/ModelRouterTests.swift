import Loupe
import LoupeTesting
import Synchronization
import Testing

struct ModelRouterTests {
    struct ModelDown: Error {}
    struct BadRequest: Error {}

    /// Records which models a route called.
    final class Calls: Sendable {
        private let models = Mutex<[String]>([])
        func append(_ model: String) { models.withLock { $0.append(model) } }
        var all: [String] { models.withLock { $0 } }
    }

    private func router(_ harness: Harness, policy: CircuitBreakerPolicy) -> ModelRouter {
        ModelRouter(
            name: "chat", primary: "gpt-4o", fallbacks: ["claude-sonnet-4", "gpt-4o-mini"], policy: policy,
            telemetry: harness.telemetry, shouldFallBack: { !($0 is BadRequest) })
    }

    /// Routes one call in which the models in `failing` throw.
    @discardableResult
    private func call(_ router: ModelRouter, failing: Set<String>, calls: Calls? = nil) async throws -> String {
        try await router.route { model in
            calls?.append(model)
            if failing.contains(model) { throw ModelDown() }
            return model
        }
    }

    private func names(_ harness: Harness) -> [String] {
        harness.recorder.events(matching: .prefix(.router)).map { event in
            let model = event.metadata[GenAIAttributes.requestModel]?.stringValue ?? "-"
            return "\(event.name.rawValue.dropFirst("loupe.router.".count)) \(model)"
        }
    }

    @Test func thePrimaryAnswersWhenHealthy() async throws {
        let harness = Harness()
        let router = router(harness, policy: .default)

        #expect(try await call(router, failing: []) == "gpt-4o")
        #expect(names(harness) == ["attempt gpt-4o", "success gpt-4o"])
        let success = try #require(harness.only(.routerSuccess))
        #expect(success.metadata[LoupeAttributes.routerName] == "chat")
        #expect(success.metadata[LoupeAttributes.circuitState] == "closed")
        #expect(success.measurements[MeasurementKey.attempt] == 1)
    }

    @Test func fallsBackDownTheChain() async throws {
        let harness = Harness()
        let router = router(harness, policy: .default)

        #expect(try await call(router, failing: ["gpt-4o", "claude-sonnet-4"]) == "gpt-4o-mini")
        #expect(names(harness) == [
            "attempt gpt-4o", "failure gpt-4o",
            "fallback claude-sonnet-4", "attempt claude-sonnet-4", "failure claude-sonnet-4",
            "fallback gpt-4o-mini", "attempt gpt-4o-mini", "success gpt-4o-mini",
        ])
        let fallback = try #require(harness.recorder.events(named: .routerFallback).last)
        #expect(fallback.metadata[LoupeAttributes.routerFromModel] == "claude-sonnet-4")
        #expect(fallback.metadata[LoupeAttributes.routerReason] == "failure")
        let failure = try #require(harness.recorder.events(named: .routerFailure).first)
        #expect(failure.metadata[ErrorAttributes.errorType]?.stringValue?.hasSuffix("ModelDown") == true)
    }

    @Test func consecutiveFailuresOpenTheCircuitAndOpenModelsAreSkipped() async throws {
        let harness = Harness()
        let router = router(harness, policy: CircuitBreakerPolicy(consecutiveFailures: 3, minimumCalls: 0))

        for _ in 0..<3 { try await call(router, failing: ["gpt-4o"]) }
        #expect(router.state(of: "gpt-4o") == .open)
        let opened = try #require(harness.only(.circuitOpened))
        #expect(opened.metadata[GenAIAttributes.requestModel] == "gpt-4o")
        #expect(opened.metadata[LoupeAttributes.routerReason] == "consecutive_failures")
        #expect(opened.measurements[MeasurementKey.consecutiveFailures] == 3)

        harness.recorder.removeAll()
        let calls = Calls()
        #expect(try await call(router, failing: ["gpt-4o"], calls: calls) == "claude-sonnet-4")
        #expect(calls.all == ["claude-sonnet-4"], "the open primary is not called")
        #expect(names(harness) == [
            "skipped gpt-4o", "fallback claude-sonnet-4", "attempt claude-sonnet-4", "success claude-sonnet-4",
        ])
        #expect(harness.only(.routerFallback)?.metadata[LoupeAttributes.routerReason] == "circuit_open")
    }

    @Test func aSuccessfulProbeAfterTheCoolDownClosesTheCircuit() async throws {
        let harness = Harness()
        let router = router(harness, policy: CircuitBreakerPolicy(consecutiveFailures: 1, coolDown: .seconds(30)))
        try await call(router, failing: ["gpt-4o"])
        #expect(router.state(of: "gpt-4o") == .open)

        harness.clock.advance(by: .seconds(29))
        #expect(try await call(router, failing: []) == "claude-sonnet-4", "still cooling down")
        harness.clock.advance(by: .seconds(1))
        harness.recorder.removeAll()

        #expect(try await call(router, failing: []) == "gpt-4o")
        #expect(names(harness) == [
            "circuit.half_open gpt-4o", "attempt gpt-4o", "success gpt-4o", "circuit.closed gpt-4o",
        ])
        #expect(harness.only(.routerAttempt)?.metadata[LoupeAttributes.routerProbe] == true)
        #expect(router.state(of: "gpt-4o") == .closed)
    }

    @Test func aFailedProbeOpensTheCircuitAgain() async throws {
        let harness = Harness()
        let router = router(harness, policy: CircuitBreakerPolicy(consecutiveFailures: 1, coolDown: .seconds(30)))
        try await call(router, failing: ["gpt-4o"])
        harness.clock.advance(by: .seconds(30))

        try await call(router, failing: ["gpt-4o"])

        #expect(router.state(of: "gpt-4o") == .open)
        let reasons = harness.recorder.events(named: .circuitOpened).map { $0.metadata[LoupeAttributes.routerReason] }
        #expect(reasons == ["consecutive_failures", "probe_failed"])
        // The new cool-down runs from the failed probe.
        harness.clock.advance(by: .seconds(29))
        #expect(try await call(router, failing: []) == "claude-sonnet-4")
    }

    @Test func aHalfOpenCircuitLetsALimitedNumberOfProbesThrough() async throws {
        let harness = Harness()
        let router = router(harness, policy: CircuitBreakerPolicy(consecutiveFailures: 1, halfOpenProbes: 1))
        try await call(router, failing: ["gpt-4o"])
        harness.clock.advance(by: .seconds(30))

        let (entered, enter) = AsyncStream.makeStream(of: Void.self)
        let (gate, release) = AsyncStream.makeStream(of: Void.self)
        try await withThrowingTaskGroup(of: String.self) { group throws in
            group.addTask {
                try await router.route { model in
                    enter.yield()
                    for await _ in gate { break }
                    return model
                }
            }
            for await _ in entered { break }
            // The probe is in flight, so this call may not probe too.
            let meanwhile = try await call(router, failing: [])
            #expect(meanwhile == "claude-sonnet-4")
            release.yield()
            let probe = try await group.next()
            #expect(probe == "gpt-4o")
        }
        #expect(router.state(of: "gpt-4o") == .closed)
    }

    @Test func aHighFailureRateOpensTheCircuit() async throws {
        let harness = Harness()
        let policy = CircuitBreakerPolicy(
            consecutiveFailures: 0, failureRateThreshold: 0.5, failureRateWindow: .seconds(60), minimumCalls: 10)
        let router = router(harness, policy: policy)

        for index in 0..<9 {
            try await call(router, failing: index.isMultiple(of: 2) ? [] : ["gpt-4o"])
            harness.clock.advance(by: .seconds(1))
        }
        #expect(router.state(of: "gpt-4o") == .closed, "4 failures in 9 calls: too few calls, and under half")
        try await call(router, failing: ["gpt-4o"])

        #expect(router.state(of: "gpt-4o") == .open)
        let opened = try #require(harness.only(.circuitOpened))
        #expect(opened.metadata[LoupeAttributes.routerReason] == "failure_rate")
        #expect(opened.measurements[MeasurementKey.count] == 10)
        #expect(opened.measurements[MeasurementKey.errorCount] == 5)
    }

    @Test func oldOutcomesLeaveTheFailureRateWindow() async throws {
        let harness = Harness()
        let policy = CircuitBreakerPolicy(
            consecutiveFailures: 0, failureRateThreshold: 0.5, failureRateWindow: .seconds(60), minimumCalls: 4)
        let router = router(harness, policy: policy)

        for _ in 0..<3 { try await call(router, failing: ["gpt-4o"]) }
        harness.clock.advance(by: .seconds(120))
        try await call(router, failing: ["gpt-4o"])

        #expect(router.state(of: "gpt-4o") == .closed)
    }

    @Test func whenEveryModelFailsTheErrorSaysWhy() async throws {
        let harness = Harness()
        let router = router(harness, policy: CircuitBreakerPolicy(consecutiveFailures: 1))
        let all: Set = ["gpt-4o", "claude-sonnet-4", "gpt-4o-mini"]

        let error = try await #require(throws: ModelRouterError.self) { try await call(router, failing: all) }
        #expect(error.failures.map(\.model) == ["gpt-4o", "claude-sonnet-4", "gpt-4o-mini"])
        #expect(error.failures.allSatisfy { $0.error is ModelDown })
        #expect(error.skippedModels.isEmpty)
        #expect(harness.only(.routerExhausted)?.measurements[MeasurementKey.count] == 3)

        // Every circuit is now open: nothing is called at all.
        let calls = Calls()
        let skipped = try await #require(throws: ModelRouterError.self) {
            try await call(router, failing: [], calls: calls)
        }
        #expect(calls.all.isEmpty)
        #expect(skipped.failures.isEmpty)
        #expect(skipped.skippedModels == ["gpt-4o", "claude-sonnet-4", "gpt-4o-mini"])
        #expect(harness.recorder.events(named: .routerExhausted).last?.measurements[MeasurementKey.skippedCount] == 3)

        router.reset()
        #expect(router.state(of: "gpt-4o") == .closed)
    }

    @Test func errorsAnotherModelCannotFixAreRethrownUncounted() async throws {
        let harness = Harness()
        let router = router(harness, policy: CircuitBreakerPolicy(consecutiveFailures: 1))

        await #expect(throws: BadRequest.self) {
            try await router.route { _ -> String in throw BadRequest() }
        }

        #expect(router.state(of: "gpt-4o") == .closed)
        #expect(names(harness) == ["attempt gpt-4o", "failure gpt-4o"])
        #expect(harness.only(.routerFailure)?.metadata[LoupeAttributes.routerReason] == "not_retried")
    }

    @Test func cancellationIsNeitherRetriedNorCounted() async throws {
        let harness = Harness()
        let router = router(harness, policy: CircuitBreakerPolicy(consecutiveFailures: 1))

        await #expect(throws: CancellationError.self) {
            try await router.route { _ -> String in throw CancellationError() }
        }
        #expect(router.state(of: "gpt-4o") == .closed)
        #expect(harness.recorder.events(named: .routerAttempt).count == 1)
    }

    @Test func aModelListedTwiceIsTriedOnce() {
        let harness = Harness()
        let router = ModelRouter(primary: "a", fallbacks: ["b", "a", "c"], telemetry: harness.telemetry)
        #expect(router.models == ["a", "b", "c"])
        #expect(router.state(of: "z") == nil)
    }
}
