import Synchronization

/// Counts calls per model, tool, operation and provider since it was created (or last reset), to
/// answer "what do we use most" without a server.
///
/// ```swift
/// let usage = UsageCounters()
/// try usage.attach(to: telemetry)
/// // later
/// for model in usage.top(.model, limit: 3) { print(model.name, model.calls, model.outputTokens) }
/// ```
///
/// Counts are taken from span ends, so failed calls count as calls (and as failures).
public final class UsageCounters: TelemetryHandler, Sendable {
    /// Names past ``maxNamesPerDimension`` are counted under this one.
    public static let overflowName = "(other)"

    /// Keeps memory bounded when a dimension's values are unbounded (model names built from ids).
    public let maxNamesPerDimension: Int
    private let counts = Mutex<[UsageDimension: [String: UsageCount]]>([:])

    public init(maxNamesPerDimension: Int = 10_000) {
        self.maxNamesPerDimension = max(maxNamesPerDimension, 1)
    }

    /// Attaches these counters to `telemetry`, to every span by default.
    public func attach(
        to telemetry: Telemetry, id: HandlerID = "loupe.analysis.usage", patterns: [EventPattern] = [.all]
    ) throws(TelemetryAttachError) {
        try telemetry.attach(id, to: patterns, handler: self)
    }

    /// Counts the span whose `stop` or `exception` event this is; ignores other events.
    public func handle(_ event: TelemetryEvent) {
        guard let outcome = SpanOutcome(event: event) else { return }
        record(outcome)
    }

    /// Counts one call in every dimension it has a value for.
    public func record(_ outcome: SpanOutcome) {
        let names: [(UsageDimension, String?)] = [
            (.model, outcome.model), (.tool, outcome.toolName), (.operation, outcome.operation),
            (.provider, outcome.provider),
        ]
        counts.withLock { counts in
            for case (let dimension, let name?) in names {
                let fits = counts[dimension].map { $0[name] != nil || $0.count < maxNamesPerDimension } ?? true
                let key = fits ? name : Self.overflowName
                // Mutated in place through the subscripts: copying the table out would copy it whole.
                counts[dimension, default: [:]][key, default: UsageCount(name: key)].add(outcome)
            }
        }
    }

    /// The `limit` most called names in `dimension`, most calls first (ties by name).
    public func top(_ dimension: UsageDimension, limit: Int = 10) -> [UsageCount] {
        let table = counts.withLock { $0[dimension] ?? [:] }
        let sorted = table.values.sorted { $0.calls != $1.calls ? $0.calls > $1.calls : $0.name < $1.name }
        return Array(sorted.prefix(max(limit, 0)))
    }

    /// The usage of one name in `dimension`, or nil when it was never seen.
    public func usage(of name: String, in dimension: UsageDimension) -> UsageCount? {
        counts.withLock { $0[dimension]?[name] }
    }

    /// Forgets every count.
    public func reset() {
        counts.withLock { $0.removeAll() }
    }
}
