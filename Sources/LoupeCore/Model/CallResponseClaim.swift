/// What a store keeps of the call that claimed a response id, to tell a second report of that call
/// from another call that happens to reuse the id.
///
/// Response ids are unique at the big providers, but not everywhere: some OpenAI-compatible servers
/// draw them from a few hundred values, and test fakes number them from zero. So a second span with
/// the same id is the same call only when it also comes from the same service, overlaps the first in
/// time (both reports wrap one HTTP exchange), and reports the same token counts where both report them.
public struct CallResponseClaim: Sendable, Hashable {
    public var service: String
    public var startNanos: Int64
    public var endNanos: Int64
    public var inputTokens: Int64?
    public var outputTokens: Int64?

    /// Clock skew tolerated between the two reports' intervals; both usually come from one process.
    public static let skewNanos: Int64 = 1_000_000_000

    public init(service: String, startNanos: Int64, endNanos: Int64, inputTokens: Int64?, outputTokens: Int64?) {
        self.service = service
        self.startNanos = startNanos
        self.endNanos = endNanos
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }

    public init(_ span: SpanRecord) {
        self.init(
            service: span.service, startNanos: span.startNanos, endNanos: span.endNanos,
            inputTokens: span.usage.input, outputTokens: span.usage.output
        )
    }

    /// Whether `other` reports the same provider call as this claim.
    public func isSameCall(as other: CallResponseClaim) -> Bool {
        func agree(_ a: Int64?, _ b: Int64?) -> Bool { a == nil || b == nil || a == b }
        return service == other.service
            && startNanos <= other.endNanos &+ Self.skewNanos && other.startNanos <= endNanos &+ Self.skewNanos
            && agree(inputTokens, other.inputTokens) && agree(outputTokens, other.outputTokens)
    }
}
