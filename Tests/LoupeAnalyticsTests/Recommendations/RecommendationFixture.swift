import Foundation
import LoupeCore
import LoupeStore

@testable import LoupeAnalytics

/// An hour of traces whose right recommendations are known by construction (see each pattern).
/// Costs are set on the spans, so the expected savings are arithmetic: amount × 720 (an hour's
/// rate over 30 days).
enum RecommendationFixture {
    static let start: Int64 = 1_764_590_400_000_000_000  // 2025-12-01 12:00 UTC, a whole minute
    static let second: Int64 = 1_000_000_000
    static let range = TimeRange(fromNanos: start, toNanos: start + 3_600 * second)
    static let month = 720.0

    static func store() async throws -> InMemoryTelemetryStore {
        var spans: [SpanRecord] = []
        var n = 0
        func trace(
            _ service: String, root: String, at offset: Int64, retrieval scores: [Double]? = nil, _ call: SpanRecord
        ) {
            n += 1
            let id = String(format: "%032x", n)
            let t0 = start + offset * second
            var children: [SpanRecord] = []
            var t = t0 + 5_000_000
            if let scores {
                children.append(SpanRecord(
                    traceId: id, spanId: "r\(n)", parentSpanId: "root\(n)", service: service, name: "retrieval", operation: .retrieval,
                    startNanos: t, endNanos: t + 50_000_000,
                    attributes: ["gen_ai.retrieval.documents": .array(scores.map { .kvlist(["id": "doc", "score": .double($0)]) })]
                ))
                t += 50_000_000
            }
            var call = call
            call.traceId = id
            call.spanId = "c\(n)"
            call.parentSpanId = "root\(n)"
            call.service = service
            let length = call.endNanos
            call.startNanos = t
            call.endNanos = t + length
            call.role = .call
            call.countsUsage = true
            children.append(call)
            let end = call.endNanos + 5_000_000
            spans.append(SpanRecord(traceId: id, spanId: "root\(n)", service: service, name: root, spanKind: .server, startNanos: t0, endNanos: end))
            spans += children
        }
        func llm(
            _ provider: String, _ model: String, cost: Double?, ms: Int64 = 1_000, input: Int64 = 1_000, output: Int64 = 200,
            error: String? = nil, attributes: [String: AttributeValue] = [:], finish: String? = nil
        ) -> SpanRecord {
            SpanRecord(
                traceId: "", spanId: "", name: "chat \(model)", operation: .llm, spanKind: .client, startNanos: 0, endNanos: ms * 1_000_000,
                status: error == nil ? .ok : .error, errorCategory: error, provider: provider, requestModel: model,
                usage: TokenUsage(input: input, output: output), costUSD: cost, finishReason: finish, attributes: attributes
            )
        }
        // rag: gpt-4o and gpt-4o-mini answer the same questions equally well at a tenth of the cost.
        // gpt-4o repeats 10 prompts (90 repeats in 100); both ask for 4,096 tokens and write ≤ 300;
        // retrieval returns one good document in four.
        for i in 0..<100 {
            trace("rag", root: "POST /answer", at: Int64(i * 30), retrieval: [0.9, 0.3, 0.2, 0.1], llm(
                "openai", "gpt-4o", cost: 0.01, output: 100 + Int64(i * 2),
                attributes: ["loupe.prompt.hash": .string("p\(i % 10)"), "gen_ai.request.max_tokens": 4_096]
            ))
            trace("rag", root: "POST /answer", at: Int64(i * 30 + 10), retrieval: [0.9, 0.3, 0.2, 0.1], llm(
                "openai", "gpt-4o-mini", cost: 0.001, output: 100 + Int64(i * 2),
                attributes: ["loupe.prompt.hash": .string("m\(i)"), "gen_ai.request.max_tokens": 4_096]
            ))
        }
        // chat: a cheap model failing half its calls, billed anyway: a good answer costs 0.012 on it
        // against 0.01 on gpt-4o.
        for i in 0..<100 {
            trace("chat", root: "POST /chat", at: Int64(i * 30 + 1), llm("openai", "gpt-4o", cost: 0.01))
            trace("chat", root: "POST /chat", at: Int64(i * 30 + 2), llm(
                "acme", "flaky-mini", cost: 0.006, error: i % 2 == 0 ? ErrorCategory.providerError.rawValue : nil
            ))
        }
        // batch: 15 of 100 gpt-4.1 calls refused for rate limits.
        for i in 0..<100 {
            trace("batch", root: "job", at: Int64(i * 30 + 3), llm(
                "openai", "gpt-4.1", cost: 0.002, error: i < 15 ? ErrorCategory.rateLimit.rawValue : nil
            ))
        }
        // summ: claude-3-5-haiku, every prompt opening with the same long instructions, nothing read
        // from the cache; 4 of 40 calls fill 95% of the 200k window and stop at the token limit.
        for i in 0..<40 {
            let long = i % 10 == 0
            trace("summ", root: "summarize", at: Int64(i * 60 + 4), llm(
                "anthropic", "claude-3-5-haiku", cost: 0.005, input: long ? 190_000 : 5_000, output: long ? 1_024 : 300,
                attributes: ["loupe.prompt.prefix_hash": "instructions", "loupe.prompt.hash": .string("s\(i)")], finish: long ? "length" : "stop"
            ))
        }
        // cortex: 20 calls of 3.6 s on a LARGE warehouse.
        for i in 0..<20 {
            trace("cortex", root: "report", at: Int64(i * 60 + 5), llm(
                "snowflake.cortex", "mistral-large2", cost: 0.003, ms: 3_600, attributes: ["snowflake.warehouse.size": "large"]
            ))
        }
        let store = InMemoryTelemetryStore()
        _ = try await store.write(spans)
        return store
    }
}
