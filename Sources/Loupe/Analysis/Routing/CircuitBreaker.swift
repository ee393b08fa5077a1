/// One model's circuit: a state machine over call outcomes and time, with no clock or lock of its
/// own so ``ModelRouter`` can drive it under its lock with its injected clock.
struct CircuitBreaker: Sendable {
    enum Permit: Equatable {
        case granted(probe: Bool)
        case rejected
    }

    enum OpenReason: String {
        case consecutiveFailures = "consecutive_failures"
        case failureRate = "failure_rate"
        case probeFailed = "probe_failed"
    }

    enum Transition: Equatable {
        case opened(OpenReason)
        case halfOpened
        case closed
    }

    let policy: CircuitBreakerPolicy
    private(set) var state = CircuitState.closed
    private(set) var consecutiveFailures = 0
    private var openedAt: UInt64 = 0
    private var probesInFlight = 0
    private var outcomes: OutcomeWindow
    private let coolDownNanos: UInt64

    init(policy: CircuitBreakerPolicy) {
        self.policy = policy
        outcomes = OutcomeWindow(length: policy.failureRateWindow)
        coolDownNanos = policy.coolDown.nanoseconds
    }

    /// Whether a call may go to the model now; an open circuit whose cool-down has ended turns
    /// half-open and grants a probe.
    mutating func acquire(at now: UInt64) -> (Permit, Transition?) {
        switch state {
        case .closed:
            return (.granted(probe: false), nil)
        case .open:
            guard now &- openedAt >= coolDownNanos else { return (.rejected, nil) }
            state = .halfOpen
            probesInFlight = 1
            return (.granted(probe: true), .halfOpened)
        case .halfOpen:
            guard probesInFlight < policy.halfOpenProbes else { return (.rejected, nil) }
            probesInFlight += 1
            return (.granted(probe: true), nil)
        }
    }

    mutating func recordSuccess(probe: Bool, at now: UInt64) -> Transition? {
        if probe { probesInFlight = max(probesInFlight - 1, 0) }
        switch state {
        case .halfOpen where probe:
            close()
            return .closed
        case .closed:
            consecutiveFailures = 0
            outcomes.record(failed: false, at: now)
            return nil
        default:
            // A call let through before the circuit opened says nothing about the model now.
            return nil
        }
    }

    mutating func recordFailure(probe: Bool, at now: UInt64) -> Transition? {
        if probe { probesInFlight = max(probesInFlight - 1, 0) }
        switch state {
        case .halfOpen where probe:
            open(at: now)
            return .opened(.probeFailed)
        case .closed:
            consecutiveFailures += 1
            outcomes.record(failed: true, at: now)
            if policy.consecutiveFailures > 0, consecutiveFailures >= policy.consecutiveFailures {
                open(at: now)
                return .opened(.consecutiveFailures)
            }
            let (calls, failures) = outcomes.totals(at: now)
            if policy.minimumCalls > 0, calls >= policy.minimumCalls,
                Double(failures) >= policy.failureRateThreshold * Double(calls)
            {
                open(at: now)
                return .opened(.failureRate)
            }
            return nil
        default:
            return nil
        }
    }

    /// Gives back a permit whose call ended without an outcome that says anything about the
    /// model (cancelled, or failed in a way that is the caller's fault).
    mutating func release(probe: Bool) {
        if probe { probesInFlight = max(probesInFlight - 1, 0) }
    }

    /// Calls and failures within the failure-rate window.
    func recentOutcomes(at now: UInt64) -> (calls: Int, failures: Int) {
        outcomes.totals(at: now)
    }

    private mutating func open(at now: UInt64) {
        state = .open
        openedAt = now
    }

    private mutating func close() {
        state = .closed
        consecutiveFailures = 0
        probesInFlight = 0
        outcomes.reset()
    }
}
