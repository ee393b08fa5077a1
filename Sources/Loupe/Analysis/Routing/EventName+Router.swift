extension EventName {
    /// The prefix of every ``ModelRouter`` event; attach to it to follow routing decisions.
    public static let router: EventName = "loupe.router"
    /// A model is about to be called. Measurements: `attempt` (1-based position in the chain).
    public static let routerAttempt: EventName = "loupe.router.attempt"
    /// The call succeeded. Measurements: `duration_ms`, `attempt`.
    public static let routerSuccess: EventName = "loupe.router.success"
    /// The call failed. Metadata: `error.type`; `loupe.router.reason` is `failure`, or
    /// `not_retried` when the error is not one to fall back on.
    public static let routerFailure: EventName = "loupe.router.failure"
    /// A model was passed over because its circuit is open.
    public static let routerSkipped: EventName = "loupe.router.skipped"
    /// A fallback model is about to be called. Metadata: `loupe.router.from_model` and
    /// `loupe.router.reason` (`failure` or `circuit_open`).
    public static let routerFallback: EventName = "loupe.router.fallback"
    /// Every model failed or was skipped; the route throws ``ModelRouterError``.
    public static let routerExhausted: EventName = "loupe.router.exhausted"
    /// A model's circuit opened: calls skip it until the cool-down ends. Metadata:
    /// `loupe.router.reason` (`consecutive_failures`, `failure_rate` or `probe_failed`).
    public static let circuitOpened: EventName = "loupe.router.circuit.opened"
    /// A model's cool-down ended; the next calls probe it.
    public static let circuitHalfOpened: EventName = "loupe.router.circuit.half_open"
    /// A probe succeeded; the model takes traffic again.
    public static let circuitClosed: EventName = "loupe.router.circuit.closed"
}
