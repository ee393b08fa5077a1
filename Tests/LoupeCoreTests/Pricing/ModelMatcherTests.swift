import LoupeCore
import Testing

@Suite struct ModelMatcherTests {
    @Test func theWholeNameComesFirstLowercased() {
        #expect(ModelMatcher.lookupKeys(for: "  GPT-4o ") == ["gpt-4o"])
    }

    @Test(arguments: [
        ("gpt-4o-2024-08-06", "gpt-4o"),
        ("gpt-4o-mini-2024-07-18", "gpt-4o-mini"),
        ("claude-3-5-sonnet-20241022", "claude-3-5-sonnet"),
        ("claude-3-5-sonnet-latest", "claude-3-5-sonnet"),
        ("mistral-large-2411", "mistral-large"),
        ("command-r-08-2024", "command-r"),
        ("gpt-4-0613", "gpt-4"),
        ("gemini-2.0-flash-001", "gemini-2.0-flash"),
        ("gemini-2.5-flash-preview-04-17", "gemini-2.5-flash"),
        ("gemini-2.0-flash-exp", "gemini-2.0-flash"),
        ("grok-4-0709", "grok-4"),
        ("claude-opus-4-1-20250805", "claude-opus-4-1"),
    ])
    func datedAndQualifiedVariantsReduceToTheBaseName(name: String, base: String) {
        let keys = ModelMatcher.lookupKeys(for: name)
        #expect(keys.first == name)
        #expect(keys.contains(base))
    }

    @Test(arguments: [
        ("openai/gpt-4o", "gpt-4o"),
        ("models/gemini-1.5-pro", "gemini-1.5-pro"),
        ("accounts/fireworks/models/llama-v3p1-70b-instruct", "llama-v3p1-70b-instruct"),
        ("openai:gpt-4.1-mini", "gpt-4.1-mini"),
        ("anthropic.claude-3-5-sonnet-20240620-v1:0", "claude-3-5-sonnet"),
        ("us.anthropic.claude-3-7-sonnet-20250219-v1:0", "claude-3-7-sonnet"),
        ("eu.amazon.nova-pro-v1:0", "amazon.nova-pro-v1:0"),
        ("claude-3-5-sonnet-v2@20241022", "claude-3-5-sonnet-v2"),
        ("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0",
         "claude-sonnet-4"),
    ])
    func providerPrefixesAreRemoved(name: String, base: String) {
        #expect(ModelMatcher.lookupKeys(for: name).contains(base))
    }

    @Test func keysGoFromMostToLeastSpecific() {
        #expect(
            ModelMatcher.lookupKeys(for: "us.anthropic.claude-3-5-sonnet-20241022-v2:0") == [
                "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
                "anthropic.claude-3-5-sonnet-20241022-v2:0",
                "claude-3-5-sonnet-20241022-v2:0",
                "claude-3-5-sonnet-20241022-v2",
                "claude-3-5-sonnet-20241022",
                "claude-3-5-sonnet",
            ])
    }

    @Test(arguments: [
        // A distinct model must never reduce to a cheaper or dearer sibling.
        ("gpt-4o-mini", "gpt-4o"),
        ("gpt-4o-mini-2024-07-18", "gpt-4o"),
        ("gpt-4o-realtime-preview", "gpt-4o"),
        ("claude-opus-4-5", "claude-opus-4"),
        ("gemini-2.0-flash-lite-001", "gemini-2.0-flash"),
        ("o3-mini", "o3"),
        ("llama3-70b-8192", "llama3-70b"),
        ("ft:gpt-4o-mini-2024-07-18:acme::abc123", "gpt-4o-mini"),
        ("text-embedding-3-small", "text-embedding-3"),
    ])
    func distinctModelsDoNotReduceToSiblings(name: String, sibling: String) {
        #expect(!ModelMatcher.lookupKeys(for: name).contains(sibling))
    }

    @Test func emptyNamesHaveNoKeys() {
        #expect(ModelMatcher.lookupKeys(for: "").isEmpty)
        #expect(ModelMatcher.lookupKeys(for: "   ").isEmpty)
    }

    @Test(arguments: [
        ("openai", "openai"),
        ("OpenAI", "openai"),
        ("bedrock", "aws.bedrock"),
        ("bedrock_converse", "aws.bedrock"),
        ("aws.bedrock", "aws.bedrock"),
        ("vertex_ai-language-models", "gcp.vertex_ai"),
        ("gemini", "gcp.gemini"),
        ("azure", "azure.ai.openai"),
        ("azure.ai.openai", "azure.ai.openai"),
        ("together_ai", "together"),
        ("fireworks_ai", "fireworks"),
        ("xai", "x_ai"),
        ("mistral", "mistral_ai"),
        ("snowflake", "snowflake.cortex"),
        ("snowflake.cortex", "snowflake.cortex"),
        ("openai.chat", "openai"),
        ("anthropic.messages", "anthropic"),
        ("acme", "acme"),
    ])
    func providersAreCanonicalised(spelling: String, canonical: String) {
        #expect(ModelMatcher.canonicalProvider(spelling) == canonical)
    }
}
