/// Token counts of one model call. Every count is optional: "not reported" is not zero.
///
/// Following the OpenTelemetry GenAI conventions, `input` includes cached tokens; `cacheRead` and
/// `cacheWrite` are subsets of it, and `reasoning` is a subset of `output`.
public struct TokenUsage: Sendable, Hashable, Codable {
    public var input: Int64?
    public var output: Int64?
    public var cacheRead: Int64?
    public var cacheWrite: Int64?
    public var reasoning: Int64?
    /// As reported; when absent, ``effectiveTotal`` derives it from input and output.
    public var total: Int64?

    public init(
        input: Int64? = nil, output: Int64? = nil, cacheRead: Int64? = nil, cacheWrite: Int64? = nil,
        reasoning: Int64? = nil, total: Int64? = nil
    ) {
        self.input = input
        self.output = output
        self.cacheRead = cacheRead
        self.cacheWrite = cacheWrite
        self.reasoning = reasoning
        self.total = total
    }

    public static let none = TokenUsage()

    /// True when any count was reported.
    public var isReported: Bool {
        input != nil || output != nil || cacheRead != nil || cacheWrite != nil || reasoning != nil || total != nil
    }

    /// The reported total, or input plus output.
    public var effectiveTotal: Int64 {
        total ?? ((input ?? 0) + (output ?? 0))
    }
}
