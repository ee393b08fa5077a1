import Synchronization

/// Sends each call to the first healthy model of a chain — a primary, then fallbacks — with a
/// circuit breaker per model, and reports every decision as a `loupe.router.*` event.
///
/// ```swift
/// let router = ModelRouter(
///     primary: "gpt-4o", fallbacks: ["claude-sonnet-4", "gpt-4o-mini"], telemetry: telemetry)
/// let answer = try await router.route { model in
///     try await telemetry.llmCall(LLMRequest(provider: provider(of: model), model: model)) { call in
///         try await client.chat(model: model, prompt)
///     }
/// }
/// ```
///
/// A model's circuit opens after ``CircuitBreakerPolicy/consecutiveFailures`` failures in a row,
/// or when the failure rate over ``CircuitBreakerPolicy/failureRateWindow`` reaches
/// ``CircuitBreakerPolicy/failureRateThreshold`` over at least
/// ``CircuitBreakerPolicy/minimumCalls`` calls. An open model is skipped; after
/// ``CircuitBreakerPolicy/coolDown`` it turns half-open and up to
/// ``CircuitBreakerPolicy/halfOpenProbes`` calls probe it: a success closes the circuit, a failure
/// opens it again. Time comes from the telemetry's clock, so tests move it by hand.
public final class ModelRouter: Sendable {
    /// Names the router on its events, to tell several routers apart.
    public let name: String
    /// The chain, primary first.
    public let models: [String]
    /// When circuits open and close; the same for every model.
    public let policy: CircuitBreakerPolicy
    private let telemetry: Telemetry
    private let clock: any TelemetryClock
    private let shouldFallBack: @Sendable (any Error) -> Bool
    private let breakers: Mutex<[String: CircuitBreaker]>
    /// The fleet's view of each model (a Loupe server's), when given.
    private let health: (any ModelHealthSource)?

    /// - Parameters:
    ///   - name: names the router on its events.
    ///   - primary: the model tried first.
    ///   - fallbacks: the models tried next, in order.
    ///   - policy: when circuits open and close; the same for every model.
    ///   - telemetry: where decisions are emitted; its clock times windows and cool-downs.
    ///   - shouldFallBack: whether an error is the model's failure, counted against its circuit and
    ///     answered by trying the next model. Return false for errors another model cannot fix
    ///     (an invalid request): they are rethrown at once and not counted. Cancellation is never
    ///     counted nor retried.
    ///   - health: the fleet's view of each model (``LoupeModelHealth``): a model the fleet says to
    ///     avoid is skipped while a later model of the chain is not avoided.
    public init(
        name: String = "default", primary: String, fallbacks: [String] = [], policy: CircuitBreakerPolicy = .default,
        telemetry: Telemetry, health: (any ModelHealthSource)? = nil,
        shouldFallBack: @escaping @Sendable (any Error) -> Bool = { _ in true }
    ) {
        self.health = health
        self.name = name
        // A model listed twice would share one circuit and be tried twice per call.
        var seen: Set<String> = []
        self.models = ([primary] + fallbacks).filter { seen.insert($0).inserted }
        self.policy = policy
        self.telemetry = telemetry
        self.clock = telemetry.configuration.clock
        self.shouldFallBack = shouldFallBack
        self.breakers = Mutex(Dictionary(uniqueKeysWithValues: models.map { ($0, CircuitBreaker(policy: policy)) }))
    }

    /// Calls `body` with the first model whose circuit lets the call through, moving down the
    /// chain while calls fail; returns the first success.
    ///
    /// - Throws: the error itself when the `shouldFallBack` predicate rejects it or the task is
    ///   cancelled; ``ModelRouterError`` when every model failed or was skipped.
    public func route<Result>(
        isolation: isolated (any Actor)? = #isolation, _ body: (String) async throws -> Result
    ) async throws -> Result {
        var failures: [ModelRouterError.Failure] = []
        var skipped: [String] = []
        var previous: (model: String, reason: String)?
        for (index, model) in models.enumerated() {
            if health?.state(of: model) == .avoid, models[(index + 1)...].contains(where: { health?.state(of: $0) != .avoid }) {
                emit(.routerSkipped, model: model, reason: "fleet_avoid", state: state(of: model) ?? .closed)
                skipped.append(model)
                previous = (model, "fleet_avoid")
                continue
            }
            let (permit, opening) = update(model) { breaker, now in breaker.acquire(at: now) }
            report(opening, of: model)
            guard case .granted(let probe) = permit else {
                emit(.routerSkipped, model: model, reason: "circuit_open", state: .open)
                skipped.append(model)
                previous = (model, "circuit_open")
                continue
            }
            if let previous {
                let from: [String: AttributeValue] = [LoupeAttributes.routerFromModel: .string(previous.model)]
                emit(.routerFallback, model: model, reason: previous.reason, extra: from)
            }
            let attempt = Double(index + 1)
            emit(.routerAttempt, model: model, probe: probe, measurements: [MeasurementKey.attempt: attempt])
            let start = clock.now()
            do {
                let result = try await body(model)
                let elapsed = elapsedMs(since: start)
                let (transition, state) = update(model) { breaker, now in
                    (breaker.recordSuccess(probe: probe, at: now), breaker.state)
                }
                emit(
                    .routerSuccess, model: model, probe: probe, state: state,
                    measurements: [MeasurementKey.attempt: attempt, MeasurementKey.durationMs: elapsed])
                report(transition, of: model)
                return result
            } catch {
                let elapsed = elapsedMs(since: start)
                let measurements = [MeasurementKey.attempt: attempt, MeasurementKey.durationMs: elapsed]
                let type: [String: AttributeValue] = [
                    ErrorAttributes.errorType: .string(ErrorAttributes.typeName(of: error))
                ]
                if error is CancellationError || Task.isCancelled || !shouldFallBack(error) {
                    update(model) { breaker, _ in breaker.release(probe: probe) }
                    emit(
                        .routerFailure, model: model, reason: "not_retried", probe: probe, measurements: measurements,
                        extra: type)
                    throw error
                }
                let (transition, state) = update(model) { breaker, now in
                    (breaker.recordFailure(probe: probe, at: now), breaker.state)
                }
                emit(
                    .routerFailure, model: model, reason: "failure", probe: probe, state: state,
                    measurements: measurements, extra: type)
                report(transition, of: model)
                failures.append(.init(model: model, error: error))
                previous = (model, "failure")
            }
        }
        telemetry.emit(
            .routerExhausted,
            measurements: [
                MeasurementKey.count: Double(failures.count), MeasurementKey.skippedCount: Double(skipped.count),
            ],
            metadata: [LoupeAttributes.routerName: .string(name)])
        throw ModelRouterError(failures: failures, skippedModels: skipped)
    }

    /// The state of `model`'s circuit, or nil when `model` is not in the chain.
    ///
    /// An open circuit whose cool-down has ended still reads `open` until a call probes it.
    public func state(of model: String) -> CircuitState? {
        breakers.withLock { $0[model]?.state }
    }

    /// Closes every circuit and forgets every outcome, e.g. after an operator fixed a credential.
    public func reset() {
        breakers.withLock { breakers in
            for model in breakers.keys { breakers[model] = CircuitBreaker(policy: policy) }
        }
    }

    private func update<T>(_ model: String, _ body: (inout CircuitBreaker, UInt64) -> T) -> T {
        let now = clock.now().monotonicNanos
        return breakers.withLock { breakers in
            // Every model of the chain has a breaker from init; the fallback is never used.
            var breaker = breakers[model] ?? CircuitBreaker(policy: policy)
            defer { breakers[model] = breaker }
            return body(&breaker, now)
        }
    }

    private func elapsedMs(since start: TelemetryInstant) -> Double {
        Double(clock.now().nanosSince(start)) / 1e6
    }

    private func report(_ transition: CircuitBreaker.Transition?, of model: String) {
        switch transition {
        case .opened(let reason)?:
            let measurements = update(model) { breaker, now in
                let recent = breaker.recentOutcomes(at: now)
                return [
                    MeasurementKey.consecutiveFailures: Double(breaker.consecutiveFailures),
                    MeasurementKey.count: Double(recent.calls), MeasurementKey.errorCount: Double(recent.failures),
                ]
            }
            emit(.circuitOpened, model: model, reason: reason.rawValue, state: .open, measurements: measurements)
        case .halfOpened?:
            emit(.circuitHalfOpened, model: model, state: .halfOpen)
        case .closed?:
            emit(.circuitClosed, model: model, state: .closed)
        case nil:
            break
        }
    }

    private func emit(
        _ event: EventName, model: String, reason: String? = nil, probe: Bool? = nil, state: CircuitState? = nil,
        measurements: [String: Double] = [:], extra: [String: AttributeValue] = [:]
    ) {
        telemetry.emit(event, measurements: measurements, metadata: {
            var metadata = extra
            metadata[LoupeAttributes.routerName] = .string(name)
            metadata[GenAIAttributes.requestModel] = .string(model)
            if let reason { metadata[LoupeAttributes.routerReason] = .string(reason) }
            if let probe { metadata[LoupeAttributes.routerProbe] = .bool(probe) }
            if let state { metadata[LoupeAttributes.circuitState] = .string(state.rawValue) }
            return metadata
        }())
    }
}
