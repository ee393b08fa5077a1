/// A score joined to the request (trace) it judges: what quality views put against latency, cost,
/// service and time.
public struct ScoredRequest: Sendable, Hashable {
    public var name: String
    /// On 0…1 where the score's scale is known (``Score/normalizedValue``).
    public var value: Double
    public var source: ScoreSource
    public var service: String
    public var startNanos: Int64
    public var durationMs: Double
    public var costUSD: Double

    public init(name: String, value: Double, source: ScoreSource, service: String, startNanos: Int64, durationMs: Double, costUSD: Double) {
        self.name = name
        self.value = value
        self.source = source
        self.service = service
        self.startNanos = startNanos
        self.durationMs = durationMs
        self.costUSD = costUSD
    }
}
