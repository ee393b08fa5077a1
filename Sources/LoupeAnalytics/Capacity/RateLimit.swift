import LoupeStore

/// A provider's rate limit for one model, as the user's account has it: tokens and/or requests per minute.
public struct RateLimit: Sendable, Hashable, Codable {
    public var model: String
    /// Narrows the model to one provider's (`openai`, `azure`…); nil for any.
    public var provider: String?
    public var tokensPerMinute: Double?
    public var requestsPerMinute: Double?

    public init(model: String, provider: String? = nil, tokensPerMinute: Double? = nil, requestsPerMinute: Double? = nil) {
        self.model = model
        self.provider = provider
        self.tokensPerMinute = tokensPerMinute
        self.requestsPerMinute = requestsPerMinute
    }

    enum CodingKeys: String, CodingKey {
        case model, provider
        case tokensPerMinute = "tpm"
        case requestsPerMinute = "rpm"
    }

    /// Why the limit cannot be used (a sentence to follow the model's name), or nil.
    public var problem: String? {
        guard !model.isEmpty else { return "every rate limit names a model" }
        guard tokensPerMinute != nil || requestsPerMinute != nil else { return "needs tpm, rpm or both" }
        for value in [tokensPerMinute, requestsPerMinute].compactMap({ $0 }) where !(value.isFinite && value > 0) {
            return "tpm and rpm must be positive numbers"
        }
        return nil
    }

    var filters: [TelemetryDimension: String] {
        var filters: [TelemetryDimension: String] = [.model: model]
        if let provider { filters[.provider] = provider }
        return filters
    }
}
