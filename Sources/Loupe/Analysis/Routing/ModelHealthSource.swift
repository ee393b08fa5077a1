/// How a model is doing across the whole fleet, as a Loupe server sees every instance's calls.
public enum FleetModelState: String, Sendable, Hashable, Codable {
    case healthy
    case degraded
    /// Failing most calls everywhere: routers skip it while another model of their chain is not.
    case avoid
}

/// Where a ``ModelRouter`` learns the fleet's view of its models, so that every instance falls
/// back together in an outage instead of each one finding it out alone.
public protocol ModelHealthSource: Sendable {
    /// The model's state across the fleet; nil when unknown (never seen, or the source is stale).
    func state(of model: String) -> FleetModelState?
}
