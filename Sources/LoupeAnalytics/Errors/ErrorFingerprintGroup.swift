/// One failure mode: every failed span whose message normalises to the same template.
public struct ErrorFingerprintGroup: Sendable, Hashable {
    public var fingerprint: String
    public var count: Int
    public var firstSeenNanos: Int64
    public var lastSeenNanos: Int64
    public var errorType: String?
    /// The most recent message, as stored (redacted).
    public var sampleMessage: String?
    public var models: [String: Int]
    public var operations: [String: Int]
    public var services: [String: Int]
    /// Failures by end user, for the failures that carried one.
    public var users: [String: Int]
    /// The most recent traces that failed this way, newest first.
    public var exampleTraceIds: [String]
    /// Failures per equal slice of the range (``ErrorsQuery/trendBuckets``); empty when not asked for.
    public var trend: [Int]
}
