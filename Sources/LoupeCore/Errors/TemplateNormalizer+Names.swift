extension TemplateNormalizer {
    /// Model families: a model is a dimension of a failure, not part of its mode ("Rate limit reached
    /// for gpt-4o-mini" and "… for gpt-4o" are one failure mode).
    fileprivate static let modelPrefixes: [StaticString] = [
        "gpt-", "chatgpt-", "o1-", "o3-", "o4-", "claude-", "gemini-", "gemma-", "llama-", "llama3", "meta-llama/",
        "mistral-", "mixtral-", "codestral-", "ministral-", "text-embedding-", "command-", "deepseek-", "qwen",
        "grok-", "anthropic.claude", "amazon.titan", "amazon.nova", "meta.llama", "cohere.", "snowflake-arctic",
        "models/",  // Google's API names every model models/<name>
    ]
    fileprivate static let modelNames: [StaticString] = ["o1", "o3", "o4-mini", "davinci-002", "babbage-002"]
    /// Organisation and project ids that providers put in messages.
    fileprivate static let accountPrefixes: [StaticString] = ["org-", "proj_"]

    /// The placeholder for a word that names a model or an account, nil for any other word.
    func nameLabel(_ word: UnsafeBufferPointer<UInt8>) -> StaticString? {
        if startsWithAny(word, Self.modelPrefixes) || matchesAny(word, Self.modelNames) { return "<model>" }
        if startsWithAny(word, Self.accountPrefixes) { return "<account>" }
        return nil
    }

    func startsWithAny(_ word: UnsafeBufferPointer<UInt8>, _ prefixes: [StaticString]) -> Bool {
        prefixes.contains { prefix in
            prefix.utf8CodeUnitCount <= word.count
                && zip(UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount), word).allSatisfy {
                    $0 == lowercase($1)
                }
        }
    }
}
