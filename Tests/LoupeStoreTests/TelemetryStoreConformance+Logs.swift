import Foundation
import LoupeCore
import LoupeStore
import Testing

extension TelemetryStoreConformance {
    static func log(
        trace: String? = "0af7651916cd43dd8448eb211c80319c", span: String? = "0000000000000001", minute: Int64 = 0, second: Int64 = 1,
        event: String? = "gen_ai.user.message", content: String = "hello", project: String = "acme"
    ) -> LogRecord {
        var record = LogRecord(
            id: "", project: project, service: "rag", traceId: trace, spanId: span, timeNanos: base + minute * Self.minute + second * 1_000_000_000,
            severityNumber: 9, severityText: "INFO", eventName: event, body: .kvlist(["content": .string(content), "n": .int(2)]),
            attributes: ["gen_ai.provider.name": "openai"], scopeName: "opentelemetry.instrumentation.openai")
        record.id = record.identity
        return record
    }

    @Test(arguments: Kind.allCases)
    func logRecordsAreStoredWithTheirBatchOnceAndReadByTraceInTimeOrder(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let later = Self.log(second: 3, event: "gen_ai.choice", content: "hi there")
        let earlier = Self.log(second: 2)
        let untraced = Self.log(trace: nil, span: nil, event: "gen_ai.evaluation.result")
        var batch = SpanBatch([Self.span(id: "0000000000000001")])
        batch.append(SpanBatch(logs: [later, earlier, untraced]))
        #expect(try await store.writeAndFlush(batch) == WriteOutcome(inserted: 1))
        // A record sent again (an exporter's retry) is stored once.
        _ = try await store.writeAndFlush(SpanBatch(logs: [earlier]))

        let stored = try await store.logs(traceIds: ["0af7651916cd43dd8448eb211c80319c", "ffffffffffffffffffffffffffffffff"])
        #expect(stored == [earlier, later])
        #expect(try await store.logs(traceIds: []).isEmpty)
    }

    @Test(arguments: Kind.allCases)
    func retentionAndErasureTakeLogRecordsWithTheirTraces(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        try await Self.history(store)
        let first = String(format: "a%031d", 0), last = String(format: "a%031d", 3)
        _ = try await store.writeAndFlush(SpanBatch(logs: [
            Self.log(trace: first, minute: 0), Self.log(trace: last, minute: 30),
            Self.log(trace: nil, span: nil, minute: 5), Self.log(trace: nil, span: nil, minute: 25),
        ]))
        let deleted = try await store.deleteExpiredTraces(ExpiryRequest(projects: .only("acme"), beforeNanos: Self.base + 15 * Self.minute))
        // The old trace's record goes with it, and the record of no trace before the cutoff by its own time.
        #expect(deleted.logRecords == 2)
        #expect(try await store.logs(traceIds: [first]).isEmpty)
        #expect(try await store.logs(traceIds: [last]).count == 1)

        let erased = try await store.eraseUser("u1") { AuditRecord(atNanos: 1, actor: "test", action: "user.erased", target: "user 1", detail: "\($0.traces)") }
        #expect(erased.logRecords == 1)
        #expect(try await store.logs(traceIds: [last]).isEmpty)
    }

    @Test(arguments: Kind.allCases)
    func anEvaluationSentAsALogRecordIsAScoreOfItsSpanOnce(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        var verdict = Self.log(event: Score.evaluationEvent)
        verdict.attributes = ["gen_ai.evaluation.name": "relevance", "gen_ai.evaluation.score.value": 0.82, "gen_ai.evaluation.explanation": "on topic"]
        var label = Self.log(span: nil, event: Score.evaluationEvent)
        label.attributes = ["gen_ai.evaluation.name": "toxicity", "gen_ai.evaluation.score.label": "none"]
        var outside = Self.log(trace: nil, span: nil, event: Score.evaluationEvent)
        outside.attributes = ["gen_ai.evaluation.name": "relevance", "gen_ai.evaluation.score.value": 0.1]
        // The same evaluation also reported as an event of the span: one score, not two.
        var span = Self.span(id: "0000000000000001")
        span.events = [SpanEvent(name: Score.evaluationEvent, timeNanos: span.startNanos, attributes: verdict.attributes)]
        var batch = SpanBatch([span])
        batch.append(SpanBatch(logs: [verdict, label, outside, Self.log()]))
        _ = try await store.writeAndFlush(batch)

        let scores = try await store.scores(ScoreQuery(fromNanos: 0, toNanos: .max)).sorted { $0.name < $1.name }
        #expect(scores.map(\.name) == ["relevance", "toxicity"])
        #expect(scores[0].value == .numeric(0.82) && scores[0].target == .span(traceId: span.traceId, spanId: span.spanId))
        #expect(scores[0].comment == "on topic" && scores[0].source == .instrumentation)
        #expect(scores[1].value == .categorical("none") && scores[1].target == .trace(traceId: span.traceId))
    }
}
