/// The failures the demo injects, with the messages real providers send.
enum DemoFailure: CaseIterable {
    case rateLimit, contextLength, timeout, badKey, contentFilter

    var errorType: String {
        switch self {
        case .rateLimit: return "RateLimitError"
        case .contextLength: return "BadRequestError"
        case .timeout: return "APITimeoutError"
        case .badKey: return "AuthenticationError"
        case .contentFilter: return "ContentFilterError"
        }
    }

    func message(model: String, random: inout DemoRandom) -> String {
        switch self {
        case .rateLimit:
            let used = Int.random(in: 190_000...199_900, using: &random)
            return "Rate limit reached for \(model) in organization org-\(random.hexID(bytes: 6)) on tokens per min (TPM): Limit 200000, Used \(used), Requested \(Int.random(in: 900...4000, using: &random)). Please try again in \(Int.random(in: 100...900, using: &random))ms."
        case .contextLength:
            return "This model's maximum context length is 128000 tokens. However, your messages resulted in \(Int.random(in: 128_100...140_000, using: &random)) tokens. Please reduce the length of the messages."
        case .timeout:
            return "Request timed out after \(Int.random(in: 30...60, using: &random)) seconds."
        case .badKey:
            return "Incorrect API key provided: sk-proj-\(random.hexID(bytes: 2))************\(random.hexID(bytes: 2)). You can find your API key at https://platform.openai.com/account/api-keys."
        case .contentFilter:
            return "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry."
        }
    }

    var httpStatus: Int64 {
        switch self {
        case .rateLimit: return 429
        case .contextLength: return 400
        case .timeout: return 408
        case .badKey: return 401
        case .contentFilter: return 400
        }
    }
}
