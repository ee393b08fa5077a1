import Foundation
import LoupeCore
import LoupeStore
import Testing

extension TelemetryStoreConformance {
    static func retrievalSpan(trace: String, id: String, minute: Int64 = 0, rerank: Bool = false, documents: [RetrievedDocument]?, error: Bool = false) -> SpanRecord {
        var span = Self.span(trace: trace, id: id, parent: "00000000000000ff", minute: minute, model: rerank ? "rerank-v3.5" : nil,
                             operation: rerank ? .rerank : .retrieval, input: nil, output: nil, cost: nil, error: error)
        span.documents = documents
        return span
    }

    static func document(_ id: String, _ score: Double?) -> RetrievedDocument { RetrievedDocument(id: id, score: score) }

    @Test(arguments: Kind.allCases)
    func retrievalStepsAreReadPerRequestOnce(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let a = "0af7651916cd43dd8448eb211c8031a1", b = "0af7651916cd43dd8448eb211c8031b2", c = "0af7651916cd43dd8448eb211c8031c3"
        let d = "0af7651916cd43dd8448eb211c8031d4"
        var root = Self.span(trace: a, id: "00000000000000ff", model: nil, operation: .stage, input: nil, output: nil, cost: nil, unit: "support")
        root.dimensions["query_category"] = "billing"
        root.sessionId = "s-a"
        let steps = [
            root,
            Self.retrievalSpan(trace: a, id: "0000000000000001", documents: [Self.document("kb-1", 0.9), Self.document("kb-2", 0.4), Self.document("kb-3", nil)]),
            Self.retrievalSpan(trace: a, id: "0000000000000002", rerank: true, documents: [Self.document("kb-1", 0.97)]),
            // b's retrieval found nothing; c's failed, and a failed step is no retrieval.
            Self.retrievalSpan(trace: b, id: "0000000000000003", minute: 1, documents: []),
            Self.retrievalSpan(trace: c, id: "0000000000000004", documents: [Self.document("kb-9", 0.8)], error: true),
            // A retrieval that does not report its documents says nothing of what it found.
            Self.retrievalSpan(trace: c, id: "0000000000000005", documents: nil),
            // d's retrieval kept its documents to itself; only its reranker reported.
            Self.retrievalSpan(trace: d, id: "0000000000000006", minute: -1, rerank: true, documents: [Self.document("kb-7", 0.7)]),
        ]
        _ = try await store.writeAndFlush(steps)
        _ = try await store.writeAndFlush([steps[1]])  // sent again: counted once
        // A thumbs down on a's session marks a as disliked.
        try await store.writeScores([Score(
            id: "fb", project: "acme", target: .session(sessionId: "s-a"), name: "thumbs", value: .boolean(false), source: .userFeedback,
            timestampNanos: Self.base
        )])
        let read = try await store.retrievedRequests(RetrievalQuery(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute))
        #expect(read.map(\.traceId) == [b, a])
        let ra = try #require(read.last), rb = try #require(read.first)
        let rerankOnly = try await store.retrievedRequests(RetrievalQuery(fromNanos: Self.base - Self.minute, toNanos: Self.base))
        #expect(rerankOnly.map(\.traceId) == [d] && rerankOnly[0].retrieved == nil && rerankOnly[0].kept == 1)
        #expect(rerankOnly[0].topScore == nil && rerankOnly[0].contextUtilisation == nil)
        #expect(ra.retrieved == 3 && ra.kept == 1 && ra.topScore == 0.9 && ra.negativeFeedback && !ra.failed)
        #expect(abs((ra.meanScore ?? 0) - 0.65) < 1e-12)
        #expect(ra.dimensions == ["business_unit": "support", "query_category": "billing"])
        #expect(ra.contextUtilisation.map { abs($0 - 1.0 / 3) < 1e-12 } == true)
        #expect(rb.retrieved == 0 && rb.kept == nil && rb.topScore == nil && rb.meanScore == nil && !rb.negativeFeedback)
        #expect(try await store.retrievedRequests(RetrievalQuery(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute, limit: 1)).map(\.traceId) == [b])
        #expect(try await store.retrievedRequests(RetrievalQuery(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute, project: "other")).isEmpty)

        let uses = try await store.documentUses(DocumentUseQuery(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute))
        // Reranking repeats what retrieval found: only retrieval steps count.
        #expect(uses.map(\.id) == ["kb-1", "kb-2", "kb-3"])
        #expect(uses.map(\.retrievals) == [1, 1, 1])
        #expect(uses[0].meanScore == 0.9 && uses[2].meanScore == nil && uses[0].lastNanos == Self.base)
        #expect(try await store.documentUses(DocumentUseQuery(fromNanos: Self.base + Self.minute, toNanos: Self.base + 10 * Self.minute)).isEmpty)
    }

    @Test(arguments: Kind.allCases)
    func comparisonsGroupRequestsByModelPromptVersionAndDimension(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let ids = (1...4).map { String(format: "0af7651916cd43dd8448eb211c8031%02x", $0) }
        var spans: [SpanRecord] = []
        for (i, trace) in ids.enumerated() {
            var root = Self.span(trace: trace, id: String(format: "%016x", 100 + i), minute: Int64(i), model: nil, operation: .stage,
                                 input: nil, output: nil, cost: nil, unit: i < 3 ? "support" : "sales")
            root.attributes = ["gen_ai.prompt.name": "answer", "gen_ai.prompt.version": .int(i < 2 ? 3 : 4)]
            // The embedding call comes first, but a request's model is its generating call's.
            let embed = Self.span(trace: trace, id: String(format: "%016x", 200 + i), parent: root.spanId, minute: Int64(i),
                                  model: "text-embedding-3-small", operation: .embedding)
            let chat = Self.span(trace: trace, id: String(format: "%016x", 300 + i), parent: root.spanId, minute: Int64(i),
                                 durationMs: 100 * Int64(i + 1), model: i % 2 == 0 ? "gpt-4o" : "gpt-4o-mini", error: i == 3)
            spans += [root, embed, chat]
        }
        _ = try await store.writeAndFlush(spans)
        let traces = try await store.traces(TraceQuery(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute, limit: 10))
        #expect(traces.first { $0.traceId == ids[0] }?.model == "gpt-4o")
        #expect(traces.first { $0.traceId == ids[0] }?.promptVersion == "answer@3")

        func arms(_ grouping: ArmGrouping, service: String? = nil) async throws -> [String: ExperimentArm] {
            let read = try await store.experimentArms(ExperimentArmQuery(
                grouping: grouping, fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute, service: service
            ))
            return Dictionary(uniqueKeysWithValues: read.map { ($0.variant, $0) })
        }
        let models = try await arms(.model)
        #expect(models.keys.sorted() == ["gpt-4o", "gpt-4o-mini"])
        #expect(models["gpt-4o-mini"]?.requests == 2 && models["gpt-4o-mini"]?.failed == 1)
        #expect(models["gpt-4o"]?.latenciesMs == [100, 300])
        #expect(try await arms(.promptVersion).mapValues(\.requests) == ["answer@3": 2, "answer@4": 2])
        #expect(try await arms(.dimension("business_unit")).mapValues(\.requests) == ["support": 3, "sales": 1])
        #expect(try await arms(.model, service: "elsewhere").isEmpty)

        let outcomes = try await store.requestOutcomes(RequestOutcomeQuery(
            grouping: .dimension("business_unit"), fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute, stepNanos: 2 * Self.minute
        ))
        #expect(outcomes.map(\.arm) == ["sales", "support", "support"])
        #expect(outcomes.map(\.stepNanos) == [Self.base + 2 * Self.minute, Self.base, Self.base + 2 * Self.minute])
        #expect(outcomes.map(\.requests) == [1, 2, 1])
        #expect(outcomes.map(\.failed) == [1, 0, 0])
        #expect(abs(outcomes[1].costUSD - 0.04) < 1e-12)
    }

    @Test(arguments: Kind.allCases)
    func requestOutcomesCountNegativeFeedbackOncePerRequest(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let a = "0af7651916cd43dd8448eb211c8031a1", b = "0af7651916cd43dd8448eb211c8031b2", c = "0af7651916cd43dd8448eb211c8031c3"
        var failed = Self.span(trace: b, id: "0000000000000002", error: true)
        failed.sessionId = "s-b"
        _ = try await store.writeAndFlush([Self.span(trace: a, id: "0000000000000001"), failed, Self.span(trace: c, id: "0000000000000003")])
        try await store.writeScores([
            Score(id: "1", project: "acme", target: .trace(traceId: a), name: "thumbs", value: .boolean(false), source: .userFeedback, timestampNanos: Self.base),
            Score(id: "2", project: "acme", target: .trace(traceId: a), name: "stars", value: .numeric(1), range: 1...5, source: .userFeedback, timestampNanos: Self.base),
            // An evaluator's low score is not a user's complaint.
            Score(id: "3", project: "acme", target: .trace(traceId: b), name: "judge", value: .boolean(false), source: .evaluator, timestampNanos: Self.base),
            Score(id: "4", project: "acme", target: .session(sessionId: "s-b"), name: "thumbs", value: .boolean(false), source: .userFeedback, timestampNanos: Self.base),
        ])
        let outcomes = try await store.requestOutcomes(RequestOutcomeQuery(
            grouping: .dimension("business_unit"), fromNanos: Self.base, toNanos: Self.base + Self.minute
        ))
        #expect(outcomes.count == 1)
        let sales = try #require(outcomes.first)
        #expect(sales.stepNanos == Self.base)
        #expect((sales.requests, sales.failed, sales.negativeFeedback, sales.unsuccessful, sales.successful) == (3, 1, 2, 2, 1))
        // Only the requests with negative feedback, of their own or of their session.
        let negative = try await store.requestOutcomes(RequestOutcomeQuery(
            grouping: .dimension("business_unit"), fromNanos: Self.base, toNanos: Self.base + Self.minute, negativeFeedbackOnly: true
        ))
        #expect(negative.count == 1)
        #expect(negative.first.map { ($0.requests, $0.failed, $0.negativeFeedback, $0.unsuccessful) } ?? (0, 0, 0, 0) == (2, 1, 2, 2))
    }
}
