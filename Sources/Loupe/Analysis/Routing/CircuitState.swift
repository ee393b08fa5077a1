/// Whether a model's circuit lets calls through.
public enum CircuitState: String, Sendable, Hashable, CaseIterable {
    /// Healthy: every call goes through.
    case closed
    /// Failing: calls skip the model until the cool-down ends.
    case open
    /// Cool-down over: a limited number of probe calls go through; a success closes the circuit,
    /// a failure opens it again.
    case halfOpen = "half_open"
}
