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
    /// The request's model, prompt version and business dimensions (``TraceSummary``), for quality by each.
    public var model: String?
    public var promptVersion: String?
    public var dimensions: [String: String]

    public init(
        name: String, value: Double, source: ScoreSource, service: String, startNanos: Int64, durationMs: Double, costUSD: Double,
        model: String? = nil, promptVersion: String? = nil, dimensions: [String: String] = [:]
    ) {
        self.model = model
        self.promptVersion = promptVersion
        self.dimensions = dimensions
        self.name = name
        self.value = value
        self.source = source
        self.service = service
        self.startNanos = startNanos
        self.durationMs = durationMs
        self.costUSD = costUSD
    }
}
