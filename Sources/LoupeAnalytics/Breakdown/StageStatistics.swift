/// One stage (an operation kind, or the unaccounted rest) across a root operation's traces.
public struct StageStatistics: Sendable, Hashable {
    /// `llm`, `embedding`, `retrieval`, … or `unaccounted` (network, queueing, glue code).
    public var stage: String
    /// This stage's time over all the traces' time.
    public var share: Double
    /// Mean time per trace, counting traces without the stage as zero.
    public var meanMs: Double
    /// Percentiles over the traces that have the stage (nearest rank).
    public var p50Ms: Double
    public var p95Ms: Double
    /// How many of the sampled traces spent time in this stage.
    public var traces: Int
}
