/// When a ``ModelRouter`` stops sending calls to a model, and when it tries again.
public struct CircuitBreakerPolicy: Sendable, Hashable {
    /// Failures in a row that open the circuit; 0 disables this trigger.
    public var consecutiveFailures: Int
    /// The share of failed calls within ``failureRateWindow`` that opens the circuit, 0...1.
    public var failureRateThreshold: Double
    /// How far back the failure rate looks.
    public var failureRateWindow: Duration
    /// Calls needed within the window before the failure rate is trusted; 0 disables this trigger.
    public var minimumCalls: Int
    /// How long an open circuit skips its model before probing it.
    public var coolDown: Duration
    /// Probe calls allowed at once while half-open.
    public var halfOpenProbes: Int

    public init(
        consecutiveFailures: Int = 5, failureRateThreshold: Double = 0.5, failureRateWindow: Duration = .seconds(60),
        minimumCalls: Int = 20, coolDown: Duration = .seconds(30), halfOpenProbes: Int = 1
    ) {
        self.consecutiveFailures = consecutiveFailures
        self.failureRateThreshold = failureRateThreshold
        self.failureRateWindow = failureRateWindow
        self.minimumCalls = minimumCalls
        self.coolDown = coolDown
        self.halfOpenProbes = max(halfOpenProbes, 1)
    }

    /// Five failures in a row, or half the calls of the last minute (at least 20), open the
    /// circuit for 30 seconds; then one probe at a time.
    public static let `default` = CircuitBreakerPolicy()
}
