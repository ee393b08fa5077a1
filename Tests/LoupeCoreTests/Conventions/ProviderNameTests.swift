import LoupeCore
import Testing

struct ProviderNameTests {
    @Test(arguments: [
        ("openai", "openai"), ("openai.chat", "openai"), ("anthropic.messages", "anthropic"), ("Anthropic", "anthropic"),
        ("google.vertex.chat", "gcp.vertex_ai"), ("google.generative-ai", "gcp.gemini"), ("vertex_ai", "gcp.vertex_ai"),
        ("amazon-bedrock.chat", "aws.bedrock"), ("AWS", "aws.bedrock"), ("az.ai.openai", "azure.ai.openai"),
        ("MistralAI", "mistral_ai"), ("mistral.chat", "mistral_ai"), ("xai", "x_ai"), ("snowflake", "snowflake.cortex"),
        ("google", "gcp.gen_ai"), ("some-new-host", "some-new-host"),
    ])
    func canonicalNames(raw: String, expected: String) {
        #expect(ProviderName.canonical(raw) == expected)
    }
}
