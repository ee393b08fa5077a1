import LoupeCore

/// One trace per convention, with token counts chosen so every total is known in advance.
///
/// Expected by model: gpt-4o 100 in / 10 out (OTel); gpt-4o-mini 200+300 in / 20+30 out (OpenInference
/// and the Vercel inner span; the Vercel outer span repeats 300/30 and must not count); claude-3-5-haiku
/// 400 in / 40 out (OpenLLMetry legacy). Totals: 1000 in, 100 out, 7 spans, 1 error.
enum ConventionFixtures {
    static let base = LiveServer.now - 600_000_000_000  // ten minutes before "now"

    static func span(
        _ trace: String, _ id: String, parent: String? = nil, _ name: String, kind: SpanKind = .client, at offsetMs: Int64,
        ms: Int64, _ attributes: [String: AttributeValue], service: String, failed: Bool = false,
        message: String = "Rate limit reached for gpt-4o"
    ) -> RawSpan {
        RawSpan(
            traceId: trace, spanId: id, parentSpanId: parent, name: name, kind: kind,
            startNanos: base + offsetMs * 1_000_000, endNanos: base + (offsetMs + ms) * 1_000_000,
            statusCode: failed ? .error : .unset, statusMessage: failed ? message : nil,
            attributes: attributes, resourceAttributes: ["service.name": .string(service), "loupe.project": "acme"]
        )
    }

    static let otelTrace = "10000000000000000000000000000001"
    static let openInferenceTrace = "20000000000000000000000000000002"
    static let vercelTrace = "30000000000000000000000000000003"
    static let traceloopTrace = "40000000000000000000000000000004"

    static var all: [RawSpan] {
        [
            span(otelTrace, "1000000000000001", "POST /answer", kind: .server, at: 0, ms: 1_000, [:], service: "rag"),
            span(otelTrace, "1000000000000002", parent: "1000000000000001", "chat gpt-4o", at: 200, ms: 700, [
                "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o",
                "gen_ai.usage.input_tokens": 100, "gen_ai.usage.output_tokens": 10, "user.id": "alice",
                "business_unit": "sales",
            ], service: "rag"),
            span(openInferenceTrace, "2000000000000001", "ChatCompletion", kind: .internal, at: 0, ms: 300, [
                "openinference.span.kind": "LLM", "llm.provider": "openai", "llm.model_name": "gpt-4o-mini",
                "llm.token_count.prompt": 200, "llm.token_count.completion": 20, "user.id": "bob",
            ], service: "agent"),
            span(vercelTrace, "3000000000000001", "ai.generateText", kind: .internal, at: 0, ms: 500, [
                "ai.operationId": "ai.generateText", "ai.model.provider": "openai.chat", "ai.model.id": "gpt-4o-mini",
                "ai.usage.promptTokens": 300, "ai.usage.completionTokens": 30,
            ], service: "web"),
            span(vercelTrace, "3000000000000002", parent: "3000000000000001", "ai.generateText.doGenerate", at: 10, ms: 450, [
                "ai.operationId": "ai.generateText.doGenerate", "ai.model.provider": "openai.chat", "ai.model.id": "gpt-4o-mini",
                "gen_ai.system": "openai.chat", "ai.usage.promptTokens": 300, "ai.usage.completionTokens": 30,
                "gen_ai.usage.input_tokens": 300, "gen_ai.usage.output_tokens": 30,
            ], service: "web"),
            span(traceloopTrace, "4000000000000001", "anthropic.chat", at: 0, ms: 900, [
                "gen_ai.system": "Anthropic", "llm.request.type": "chat", "gen_ai.request.model": "claude-3-5-haiku",
                "gen_ai.usage.prompt_tokens": 400, "gen_ai.usage.completion_tokens": 40,
            ], service: "summarizer"),
            span(traceloopTrace, "4000000000000002", "openai.chat", at: 1_000, ms: 100, [
                "gen_ai.system": "openai", "llm.request.type": "chat", "gen_ai.request.model": "gpt-4o",
                "error.type": "RateLimitError",
            ], service: "summarizer", failed: true),
        ]
    }
}
