/// Canonical provider names: the OTel `gen_ai.provider.name` values where one exists.
///
/// Providers arrive as OTel enums (`gcp.vertex_ai`), pre-1.37 `gen_ai.system` values (`vertex_ai`,
/// `az.ai.openai`), Vercel SDK strings (`openai.chat`, `amazon-bedrock.chat`), OpenInference hosts
/// (`google`, `aws`, `mistralai`), old OpenLLMetry display names (`Anthropic`, `AWS`) and LiteLLM's
/// provider names in its price file (`bedrock_converse`, `together_ai`, `vertex_ai-language-models`).
public enum ProviderName {
    private static let aliases: [String: String] = [
        "openai": "openai", "azure.ai.openai": "azure.ai.openai", "az.ai.openai": "azure.ai.openai",
        "azure": "azure.ai.openai", "azure_openai": "azure.ai.openai", "azure-openai": "azure.ai.openai",
        "azure.ai.inference": "azure.ai.inference", "az.ai.inference": "azure.ai.inference",
        "anthropic": "anthropic", "aws.bedrock": "aws.bedrock", "aws": "aws.bedrock", "bedrock": "aws.bedrock",
        "amazon-bedrock": "aws.bedrock", "amazon": "aws.bedrock", "gcp.vertex_ai": "gcp.vertex_ai",
        "vertex_ai": "gcp.vertex_ai", "vertexai": "gcp.vertex_ai", "google-vertex": "gcp.vertex_ai",
        "gcp.gemini": "gcp.gemini", "gemini": "gcp.gemini", "google-generative-ai": "gcp.gemini",
        "gcp.gen_ai": "gcp.gen_ai", "google": "gcp.gen_ai", "mistral_ai": "mistral_ai", "mistralai": "mistral_ai",
        "mistral": "mistral_ai", "cohere": "cohere", "groq": "groq", "deepseek": "deepseek", "x_ai": "x_ai",
        "xai": "x_ai", "perplexity": "perplexity", "ibm.watsonx.ai": "ibm.watsonx.ai", "watsonx": "ibm.watsonx.ai",
        "moonshot_ai": "moonshot_ai", "moonshot": "moonshot_ai", "together": "together", "togetherai": "together",
        "fireworks": "fireworks", "ollama": "ollama", "cerebras": "cerebras", "meta": "meta",
        "snowflake.cortex": "snowflake.cortex", "snowflake": "snowflake.cortex", "cortex": "snowflake.cortex",
        "huggingface": "huggingface", "vllm": "vllm",
        // LiteLLM's spellings.
        "bedrock_converse": "aws.bedrock", "amazon_bedrock": "aws.bedrock", "aws_bedrock": "aws.bedrock",
        "azure_ai": "azure.ai.inference", "google-gla": "gcp.gemini", "codestral": "mistral_ai",
        "text-completion-codestral": "mistral_ai", "cohere_chat": "cohere", "together_ai": "together",
        "fireworks_ai": "fireworks", "text-completion-openai": "openai",
    ]

    /// The canonical name for a provider string, or the lower-cased input when it is unknown.
    public static func canonical(_ raw: String) -> String {
        let lowered = raw.lowercased()
        if let known = aliases[lowered] { return known }
        // Vercel SDK strings: `openai.chat`, `google.vertex.chat`, `google.generative-ai`.
        if lowered.hasPrefix("google.vertex") || lowered.hasPrefix("google-vertex") { return "gcp.vertex_ai" }
        if lowered.hasPrefix("google.generative-ai") || lowered.hasPrefix("google") { return "gcp.gemini" }
        if lowered.hasPrefix("azure-openai") { return "azure.ai.openai" }
        // LiteLLM splits some providers by model family (`vertex_ai-language-models`).
        if lowered.hasPrefix("vertex_ai") { return "gcp.vertex_ai" }
        if lowered.hasPrefix("fireworks_ai") { return "fireworks" }
        if let dot = lowered.firstIndex(of: "."), let known = aliases[String(lowered[..<dot])] { return known }
        return lowered
    }
}
