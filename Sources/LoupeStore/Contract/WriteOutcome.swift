/// What a write did: spans stored for the first time, spans already stored (sent again by a
/// retrying client), and new spans stored as repeated reports of a call already stored (see
/// ``TelemetryStore``).
public struct WriteOutcome: Sendable, Hashable {
    public var inserted: Int
    public var duplicates: Int
    public var repeatedCalls: Int

    public init(inserted: Int = 0, duplicates: Int = 0, repeatedCalls: Int = 0) {
        self.inserted = inserted
        self.duplicates = duplicates
        self.repeatedCalls = repeatedCalls
    }

    /// Whether the batch's precomputed aggregates no longer match what was stored.
    public var changedAggregates: Bool { duplicates > 0 || repeatedCalls > 0 }

    public static func + (a: WriteOutcome, b: WriteOutcome) -> WriteOutcome {
        WriteOutcome(
            inserted: a.inserted + b.inserted, duplicates: a.duplicates + b.duplicates,
            repeatedCalls: a.repeatedCalls + b.repeatedCalls
        )
    }
}
