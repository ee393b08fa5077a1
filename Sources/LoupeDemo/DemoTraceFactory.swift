import Foundation
import LoupeCore

/// Builds the traces of the simulated pipelines, each service speaking a different convention,
/// as a real mixed fleet does: OTel GenAI (a RAG service), OpenInference (an agent), the Vercel AI
/// SDK (a web chat) and OpenLLMetry (a summariser that also calls Snowflake Cortex).
struct DemoTraceFactory {
    static let businessUnits = ["support", "sales", "research", "marketing"]
    static let queryCategories = ["billing", "technical", "account", "product", "general"]
    /// Content with personal data, so redaction has something to do.
    static let prompts = [
        "My card 4111 1111 1111 1111 was charged twice, email me at jane.doe@example.com",
        "Why does the export fail? My key is sk-proj-Xk29dLq81VbNm4ZtRw7yHs3PqLc2 and it used to work",
        "Call me on +44 20 7946 0958 about the renewal of order 88412",
        "How do I rotate credentials for AKIAIOSFODNN7EXAMPLE without downtime?",
        "Summarise the attached contract for the sales team",
        "What is the refund policy for annual plans?",
    ]

    var random: DemoRandom
    var failureRate: Double
    /// While set, this share of traces fails with this failure (the demo's error burst).
    var burst: (failure: DemoFailure, rate: Double)?
    /// Thumbs up or down that users gave the support answers made so far, for the demo to send to
    /// the scores API as an application would.
    var feedback: [DemoFeedback] = []

    /// The support service's running experiment: a shorter answer prompt against the current one,
    /// half of the users each.
    static let experiment = "answer-prompt"

    mutating func makeTrace(endingBefore nowNanos: Int64) -> [RawSpan] {
        let start = nowNanos - Int64.random(in: 3_000_000_000...6_000_000_000, using: &random)
        let user = String(format: "user-%03d", Int.random(in: 1...200, using: &random))
        // A user's requests within a quarter of an hour are one session, so sessions hold several queries.
        var context = TraceContext(
            traceId: random.hexID(bytes: 16), user: user, session: "sess-\(user.dropFirst(5))-\(start / 900_000_000_000)",
            businessUnit: random.pick(Self.businessUnits),
            queryCategory: random.pick(Self.queryCategories), prompt: random.pick(Self.prompts),
            failure: burst.flatMap { random.chance($0.rate) ? $0.failure : nil }
                ?? (random.chance(failureRate) ? random.pick(DemoFailure.allCases) : nil)
        )
        // Some requests survive their failed call with a fallback answer; the rest fail.
        context.recovered = context.failure != nil && random.chance(0.3)
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<4: return rag(context, start: start)
        case 4..<6: return agent(context, start: start)
        case 6..<8: return webChat(context, start: start)
        default: return summarizer(context, start: start)
        }
    }

    /// The demo's incident: one user's agent stuck in a loop, re-sending a long context to gpt-4o
    /// (OTel GenAI conventions, like the RAG service), so the anomalies page has a cost spike to
    /// explain ("user user-137 on gpt-4o").
    mutating func makeRunawayTrace(endingBefore nowNanos: Int64) -> [RawSpan] {
        let start = nowNanos - Int64.random(in: 8_000_000_000...12_000_000_000, using: &random)
        let c = TraceContext(
            traceId: random.hexID(bytes: 16), user: Self.runawayUser, session: "sess-loop", businessUnit: "research",
            queryCategory: "technical", prompt: "Retry the analysis until the answer validates", failure: nil
        )
        let resource: [String: AttributeValue] = ["service.name": "research-agent", "loupe.project": "acme"]
        let labels: [String: AttributeValue] = [
            "user.id": .string(c.user), "gen_ai.conversation.id": .string(c.session),
            "business_unit": .string(c.businessUnit), "query_category": .string(c.queryCategory),
        ]
        let rootId = random.hexID(bytes: 8)
        var t = start + random.latency(median: 3)
        var spans: [RawSpan] = []
        for _ in 0..<4 {
            let end = t + random.latency(median: 1_800)
            spans.append(span(c, rootId, "chat gpt-4o", .client, t, end, resource, labels.merging([
                "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o",
                "gen_ai.response.model": "gpt-4o-2024-08-06", "gen_ai.usage.input_tokens": .int(Int64.random(in: 7_000...9_000, using: &random)),
                "gen_ai.usage.output_tokens": .int(Int64.random(in: 300...600, using: &random)),
            ]) { a, _ in a }))
            t = end + random.latency(median: 4)
        }
        spans.append(root(c, rootId, "research_agent.run", start, t, resource, labels))
        return spans
    }

    static let runawayUser = "user-137"

    struct TraceContext {
        var traceId: String
        var user: String
        var session: String
        var businessUnit: String
        var queryCategory: String
        var prompt: String
        var failure: DemoFailure?
        var recovered = false
    }

    // MARK: OpenTelemetry GenAI conventions

    private mutating func rag(_ c: TraceContext, start: Int64) -> [RawSpan] {
        let resource: [String: AttributeValue] = ["service.name": "support-rag", "loupe.project": "acme", "deployment.environment": "production"]
        let labels: [String: AttributeValue] = [
            "user.id": .string(c.user), "gen_ai.conversation.id": .string(c.session),
            "business_unit": .string(c.businessUnit), "query_category": .string(c.queryCategory),
        ]
        let rootId = random.hexID(bytes: 8)
        var t = start + random.latency(median: 4)
        var spans: [RawSpan] = []
        let embedEnd = t + random.latency(median: 70)
        spans.append(span(c, rootId, "embeddings text-embedding-3-small", .client, t, embedEnd, resource, labels.merging([
            "gen_ai.operation.name": "embeddings", "gen_ai.provider.name": "openai",
            "gen_ai.request.model": "text-embedding-3-small", "gen_ai.usage.input_tokens": .int(Int64.random(in: 12...90, using: &random)),
        ]) { a, _ in a }))
        t = embedEnd + random.latency(median: 3)
        let searchEnd = t + random.latency(median: 35)
        let found = retrievedDocuments(8, category: c.queryCategory)
        spans.append(span(c, rootId, "retrieval pgvector", .client, t, searchEnd, resource, labels.merging([
            "gen_ai.operation.name": "retrieval", "gen_ai.data_source.id": "kb-articles", "db.system.name": "pgvector",
            "gen_ai.request.top_k": 8, "gen_ai.retrieval.documents": .array(found.map(Self.document)),
        ]) { a, _ in a }))
        t = searchEnd
        // A reranker keeps the documents worth the prompt: what context utilisation counts.
        let kept = found.filter { $0.score >= 0.5 }.prefix(5)
        if !found.isEmpty {
            let rerankEnd = t + random.latency(median: 90)
            spans.append(span(c, rootId, "rerank rerank-v3.5", .client, t, rerankEnd, resource, labels.merging([
                "gen_ai.operation.name": "rerank", "gen_ai.provider.name": "cohere", "gen_ai.request.model": "rerank-v3.5",
                "gen_ai.retrieval.documents": .array(kept.map(Self.document)),
            ]) { a, _ in a }))
            t = rerankEnd
        }
        let buildEnd = t + random.latency(median: 12)
        spans.append(span(c, rootId, "context.build", .internal, t, buildEnd, resource, labels.merging(["loupe.operation.kind": "stage"]) { a, _ in a }))
        t = buildEnd + random.latency(median: 5)
        let (provider, model) = random.pick([("openai", "gpt-4o-mini"), ("openai", "gpt-4o"), ("anthropic", "claude-3-5-sonnet-20241022")])
        // Assigned by user, as Loupe's Experiment does: a user always sees the same variant.
        let concise = (Int(c.user.dropFirst(5)) ?? 0) % 2 == 1
        let variant: [String: AttributeValue] = [
            "loupe.experiment": .string(Self.experiment), "loupe.experiment.variant": .string(concise ? "concise-v2" : "control"),
        ]
        let input = Int64.random(in: 900...4_000, using: &random)
        let cached = random.chance(0.4) ? input / 2 : 0
        var chat: [String: AttributeValue] = [
            "gen_ai.operation.name": "chat", "gen_ai.provider.name": .string(provider), "gen_ai.request.model": .string(model),
            // The experiment's variants are versions of the managed answer prompt.
            "gen_ai.prompt.name": "support-answer", "gen_ai.prompt.version": .string(concise ? "4" : "3"),
            "gen_ai.request.stream": true, "gen_ai.request.max_tokens": 4_096, "gen_ai.input.messages": .string(#"[{"role":"user","parts":[{"type":"text","content":"\#(c.prompt)"}]}]"#),
        ]
        let chatEnd = t + random.latency(median: concise ? 720 : 900)
        var events: [SpanEvent] = []
        if c.failure == nil {
            chat["gen_ai.response.model"] = .string(model)
            chat["gen_ai.usage.input_tokens"] = .int(input)
            chat["gen_ai.usage.output_tokens"] = .int(Int64.random(in: concise ? 60...360 : 80...600, using: &random))
            if cached > 0 { chat["gen_ai.usage.cache_read.input_tokens"] = .int(cached) }
            chat["gen_ai.response.finish_reasons"] = .array(["stop"])
            chat["gen_ai.response.time_to_first_chunk"] = .double(Double(random.latency(median: 280)) / 1e9)
        }
        if c.failure == nil && random.chance(0.5) {
            // An LLM judge grades half of the answers' relevance, as an OTel GenAI evaluation event.
            let relevance = min(1, max(0, Double.random(in: concise ? 0.62...0.95 : 0.6...0.92, using: &random)))
            events.append(SpanEvent(name: "gen_ai.evaluation.result", timeNanos: chatEnd, attributes: [
                "gen_ai.evaluation.name": "relevance", "gen_ai.evaluation.score.value": .double((relevance * 100).rounded() / 100),
                "gen_ai.evaluation.explanation": "judged against the retrieved articles",
            ]))
        }
        var chatSpan = span(c, rootId, "chat \(model)", .client, t, chatEnd, resource, labels.merging(chat) { a, _ in a }.merging(variant) { a, _ in a }, fails: true)
        chatSpan.events += events
        spans.append(chatSpan)
        spans.append(root(c, rootId, "POST /support/answer", start, chatEnd + random.latency(median: 6), resource, labels.merging(variant) { a, _ in a }))
        if random.chance(0.35) {
            // Failed answers are mostly thumbed down; the concise prompt's answers are liked more, and
            // slow answers less (a user who waited over 1.5 s for the model is less pleased).
            let slow = chatEnd - t > 1_500_000_000 ? 0.3 : 0
            // An answer built on nothing relevant is disliked more: the content gaps the demo shows.
            let unfounded = kept.isEmpty ? 0.35 : 0
            let liked = c.failure != nil && !c.recovered ? random.chance(0.1) : random.chance((concise ? 0.86 : 0.76) - slow - unfounded)
            feedback.append(DemoFeedback(traceId: c.traceId, user: c.user, liked: liked, category: c.queryCategory))
        }
        return spans
    }

    // MARK: OpenInference

    private mutating func agent(_ c: TraceContext, start: Int64) -> [RawSpan] {
        let resource: [String: AttributeValue] = ["service.name": "research-agent", "openinference.project.name": "acme"]
        let labels: [String: AttributeValue] = [
            "user.id": .string(c.user), "session.id": .string(c.session),
            "metadata": .string(#"{"business_unit":"\#(c.businessUnit)","query_category":"\#(c.queryCategory)"}"#),
        ]
        let rootId = random.hexID(bytes: 8)
        var t = start + random.latency(median: 5)
        var spans: [RawSpan] = []
        let steps = Int.random(in: 1...3, using: &random)
        for step in 0..<steps {
            let (provider, model) = random.pick([("anthropic", "claude-3-5-haiku-20241022"), ("openai", "gpt-4.1-mini")])
            let end = t + random.latency(median: 700)
            var llm: [String: AttributeValue] = [
                "openinference.span.kind": "LLM", "llm.provider": .string(provider), "llm.system": .string(provider),
                "llm.model_name": .string(model), "input.value": .string(c.prompt),
            ]
            let last = step == steps - 1
            if !(last && c.failure != nil) {
                llm["llm.token_count.prompt"] = .int(Int64.random(in: 600...3_000, using: &random))
                llm["llm.token_count.completion"] = .int(Int64.random(in: 40...400, using: &random))
            }
            spans.append(span(c, rootId, "ChatCompletion", .internal, t, end, resource, labels.merging(llm) { a, _ in a }, fails: last))
            t = end + random.latency(median: 4)
            if !last {
                let tool = random.pick(["web_search", "calculator", "crm_lookup"])
                let toolEnd = t + random.latency(median: tool == "web_search" ? 400 : 60)
                spans.append(span(c, rootId, tool, .internal, t, toolEnd, resource, labels.merging([
                    "openinference.span.kind": "TOOL", "tool.name": .string(tool),
                ]) { a, _ in a }))
                t = toolEnd + random.latency(median: 4)
            }
        }
        spans.append(root(c, rootId, "research_agent.run", start, t, resource, labels.merging(["openinference.span.kind": "AGENT", "agent.name": "researcher"]) { a, _ in a }))
        return spans
    }

    // MARK: Vercel AI SDK (legacy ai.* spans)

    private mutating func webChat(_ c: TraceContext, start: Int64) -> [RawSpan] {
        let resource: [String: AttributeValue] = ["service.name": "web-chat", "loupe.project": "acme"]
        let labels: [String: AttributeValue] = [
            "ai.telemetry.metadata.userId": .string(c.user), "ai.telemetry.metadata.sessionId": .string(c.session),
            "ai.telemetry.metadata.business_unit": .string(c.businessUnit), "ai.telemetry.metadata.query_category": .string(c.queryCategory),
            "ai.telemetry.functionId": "chat-route",
        ]
        let (sdkProvider, model) = random.pick([("openai.chat", "gpt-4o-mini"), ("google.generative-ai", "gemini-1.5-flash")])
        // The cheap model times out a quarter of the time: its failures cost retries.
        var c = c
        if model == "gemini-1.5-flash" && c.failure == nil && random.chance(0.25) { c.failure = .timeout }
        let rootId = random.hexID(bytes: 8)
        let innerStart = start + random.latency(median: 8)
        let innerEnd = innerStart + random.latency(median: 1_100)
        let input = Int64.random(in: 300...2_500, using: &random)
        let output = Int64.random(in: 50...700, using: &random)
        var inner: [String: AttributeValue] = [
            "ai.operationId": "ai.streamText.doStream", "ai.model.provider": .string(sdkProvider), "ai.model.id": .string(model),
            "gen_ai.system": .string(sdkProvider), "gen_ai.request.model": .string(model),
            "ai.prompt.messages": .string(#"[{"role":"user","content":"\#(c.prompt)"}]"#),
        ]
        var outer: [String: AttributeValue] = ["ai.operationId": "ai.streamText", "ai.model.provider": .string(sdkProvider), "ai.model.id": .string(model)]
        if c.failure == nil {
            // Legacy Vercel spans repeat the usage on the outer span: it must be counted once.
            inner["ai.usage.inputTokens"] = .int(input)
            inner["ai.usage.outputTokens"] = .int(output)
            inner["gen_ai.usage.input_tokens"] = .int(input)
            inner["gen_ai.usage.output_tokens"] = .int(output)
            inner["ai.response.msToFirstChunk"] = .double(Double(random.latency(median: 350)) / 1e6)
            inner["ai.response.finishReason"] = "stop"
            outer["ai.usage.inputTokens"] = .int(input)
            outer["ai.usage.outputTokens"] = .int(output)
        }
        var spans = [span(c, rootId, "ai.streamText.doStream", .client, innerStart, innerEnd, resource, labels.merging(inner) { a, _ in a }, fails: true)]
        spans.append(root(c, rootId, "ai.streamText", start, innerEnd + random.latency(median: 10), resource, labels.merging(outer) { a, _ in a }))
        return spans
    }

    // MARK: Traceloop OpenLLMetry, with Snowflake Cortex

    private mutating func summarizer(_ c: TraceContext, start: Int64) -> [RawSpan] {
        let resource: [String: AttributeValue] = ["service.name": "doc-summarizer", "loupe.project": "acme"]
        let labels: [String: AttributeValue] = [
            "traceloop.association.properties.user_id": .string(c.user),
            "traceloop.association.properties.session_id": .string(c.session),
            "traceloop.association.properties.business_unit": .string(c.businessUnit),
            "traceloop.association.properties.query_category": .string(c.queryCategory),
        ]
        let rootId = random.hexID(bytes: 8)
        let (system, model) = random.pick([("Anthropic", "claude-3-5-haiku-20241022"), ("snowflake", "mistral-large2")])
        let t = start + random.latency(median: 6)
        let end = t + random.latency(median: 1_400)
        // The same long instructions open every prompt, and nothing is read from a prompt cache; now
        // and then a whole contract is pasted in, filling the window and cutting the summary off.
        var llm: [String: AttributeValue] = [
            "gen_ai.system": .string(system), "llm.request.type": "chat", "gen_ai.request.model": .string(model),
            "gen_ai.prompt.0.role": "system", "gen_ai.prompt.0.content": .string(Self.summaryInstructions),
            "gen_ai.prompt.1.role": "user", "gen_ai.prompt.1.content": .string(c.prompt),
        ]
        if system == "snowflake" { llm["snowflake.warehouse.size"] = "LARGE" }
        if c.failure == nil {
            let oversized = system == "Anthropic" && random.chance(0.06)
            llm["gen_ai.response.model"] = .string(model)
            llm["gen_ai.usage.prompt_tokens"] = .int(oversized ? Int64.random(in: 182_000...196_000, using: &random) : Int64.random(in: 2_000...9_000, using: &random))
            llm["gen_ai.usage.completion_tokens"] = .int(oversized ? 1_024 : Int64.random(in: 150...800, using: &random))
            llm["gen_ai.request.max_tokens"] = 1_024
            llm["gen_ai.completion.0.finish_reason"] = oversized ? "length" : "stop"
            llm["llm.usage.total_tokens"] = .int((llm["gen_ai.usage.prompt_tokens"]?.intValue ?? 0) + (llm["gen_ai.usage.completion_tokens"]?.intValue ?? 0))
        }
        let name = system == "snowflake" ? "snowflake.cortex.complete" : "anthropic.chat"
        return [
            span(c, rootId, name, .client, t, end, resource, labels.merging(llm) { a, _ in a }, fails: true),
            root(c, rootId, "summarize.workflow", start, end + random.latency(median: 8), resource, labels.merging([
                "traceloop.span.kind": "workflow", "traceloop.workflow.name": "summarize",
            ]) { a, _ in a }),
        ]
    }

    /// The summariser's fixed instructions: long enough (over 1,024 tokens' worth) for a provider to cache.
    static let summaryInstructions = "You are the document summariser for the sales and legal teams. "
        + String(repeating: "Summarise the document in plain language, keep every amount, date and party, flag unusual clauses, "
            + "never invent terms that are not in the text, and answer in the language of the request. ", count: 24)

    /// Documents as a vector search returns them: a few close matches, then a tail of weak ones.
    /// The knowledge base's articles by query category: account questions are thinly covered (ten
    /// articles), so their retrieval often finds nothing relevant, or nothing at all.
    static let knowledgeBase: [String: ClosedRange<Int>] = [
        "billing": 1_000...1_039, "technical": 1_100...1_179, "account": 1_200...1_209, "product": 1_300...1_359, "general": 1_400...1_419,
    ]

    /// Every article id, for an inventory of the knowledge base.
    static var knowledgeBaseIds: [String] { knowledgeBase.values.flatMap { $0.map { "kb-\($0)" } }.sorted() }

    /// What a vector search returns for a question of the category: a few popular articles far more
    /// often than the long tail, the best three relevant, the rest not.
    private mutating func retrievedDocuments(_ count: Int, category: String) -> [(id: String, score: Double)] {
        let articles = Self.knowledgeBase[category] ?? 1_400...1_419
        let thin = articles.count < 20
        if thin && random.chance(0.15) { return [] }
        // The last articles of each category are stale: no question's embedding comes near them, so
        // an inventory of the knowledge base shows them as never retrieved.
        let reachable = articles.count * 17 / 20
        var ids: [String] = []
        while ids.count < min(count, reachable) {
            // Squaring a uniform draw favours the first articles: popular ones are retrieved most.
            let u = Double.random(in: 0..<1, using: &random)
            let id = "kb-\(articles.lowerBound + Int(u * u * Double(reachable)))"
            if !ids.contains(id) { ids.append(id) }
        }
        return ids.enumerated().map { rank, id in
            let relevant = rank < 3 && !thin
            let score = relevant ? Double.random(in: 0.62...0.9, using: &random) : Double.random(in: 0.18...0.48, using: &random)
            return (id, (score * 1_000).rounded() / 1_000)
        }.sorted { $0.1 > $1.1 }
    }

    private static func document(_ d: (id: String, score: Double)) -> AttributeValue {
        .kvlist(["id": .string(d.id), "score": .double(d.score)])
    }

    // MARK: Span building

    private mutating func span(
        _ c: TraceContext, _ parent: String, _ name: String, _ kind: SpanKind, _ start: Int64, _ end: Int64,
        _ resource: [String: AttributeValue], _ attributes: [String: AttributeValue], fails: Bool = false
    ) -> RawSpan {
        var span = RawSpan(
            traceId: c.traceId, spanId: random.hexID(bytes: 8), parentSpanId: parent, name: name, kind: kind,
            startNanos: start, endNanos: max(end, start), attributes: attributes, resourceAttributes: resource, scopeName: "loupe.demo"
        )
        if fails, let failure = c.failure {
            let model = attributes["gen_ai.request.model"]?.stringValue ?? attributes["llm.model_name"]?.stringValue ?? "model"
            let message = failure.message(model: model, random: &random)
            span.statusCode = .error
            span.statusMessage = message
            span.attributes["error.type"] = .string(failure.errorType)
            span.attributes["http.response.status_code"] = .int(failure.httpStatus)
            span.events = [SpanEvent(name: "exception", timeNanos: end, attributes: [
                "exception.type": .string(failure.errorType), "exception.message": .string(message),
            ])]
        }
        return span
    }

    private func root(
        _ c: TraceContext, _ id: String, _ name: String, _ start: Int64, _ end: Int64,
        _ resource: [String: AttributeValue], _ attributes: [String: AttributeValue]
    ) -> RawSpan {
        // The failing call carries the error; the request around it fails too, unless it recovered.
        var root = RawSpan(
            traceId: c.traceId, spanId: id, name: name, kind: .server, startNanos: start, endNanos: end,
            attributes: attributes, resourceAttributes: resource, scopeName: "loupe.demo"
        )
        if let failure = c.failure, !c.recovered {
            root.statusCode = .error
            root.statusMessage = "\(failure.errorType) from the model call; the request failed"
        }
        return root
    }
}
