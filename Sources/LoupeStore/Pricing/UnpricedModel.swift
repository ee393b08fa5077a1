/// A model seen in stored calls that has no price, and how much it was used.
public struct UnpricedModel: Sendable, Hashable {
    public var provider: String?
    public var model: String
    public var calls: Int64
    public var inputTokens: Int64
    public var outputTokens: Int64

    public init(provider: String?, model: String, calls: Int64, inputTokens: Int64, outputTokens: Int64) {
        self.provider = provider
        self.model = model
        self.calls = calls
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
}
