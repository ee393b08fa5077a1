/// Audit entries in chain order (oldest first), after a sequence number and within a range.
public struct AuditQuery: Sendable, Hashable {
    /// Entries whose sequence is above this; 0 from the first.
    public var afterSequence: Int64
    public var fromNanos: Int64
    public var toNanos: Int64
    public var limit: Int

    public init(afterSequence: Int64 = 0, fromNanos: Int64 = .min, toNanos: Int64 = .max, limit: Int = 1_000) {
        self.afterSequence = afterSequence
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.limit = limit
    }

    public func matches(_ entry: AuditEntry) -> Bool {
        entry.sequence > afterSequence && entry.record.atNanos >= fromNanos && entry.record.atNanos < toNanos
    }
}
