import Foundation
import LoupeCore
import LoupeStore
import Testing

extension TelemetryStoreConformance {
    /// Traces `a…` of user u1 in acme at minutes 0, 10, 20, 30 and one of `beta` at minute 0, a score
    /// on each, and a retrieval step on the first.
    static func history(_ store: any TelemetryStore) async throws {
        var spans: [SpanRecord] = []
        for (index, minute) in [Int64(0), 10, 20, 30].enumerated() {
            let trace = String(format: "a%031d", index)
            spans += [span(trace: trace, id: "0000000000000001", minute: minute), span(trace: trace, id: "0000000000000002", parent: "0000000000000001", minute: minute)]
        }
        var beta = span(trace: String(format: "b%031d", 0), id: "0000000000000001", minute: 0, user: "u2")
        beta.project = "beta"
        spans.append(beta)
        var first = spans[0]
        first.operation = .retrieval
        first.documents = [RetrievedDocument(id: "doc-1", score: 0.8)]
        spans[0] = first
        _ = try await store.writeAndFlush(SpanBatch(spans))
        try await store.flushAggregates()
        _ = try await store.writeScores(spans.filter { $0.parentSpanId == nil }.map { span in
            Score(
                id: "s-\(span.traceId)", project: span.project, target: .trace(traceId: span.traceId), name: "user_satisfaction",
                value: .boolean(true), userId: span.userId, source: .userFeedback, timestampNanos: span.endNanos
            )
        })
    }

    @Test(arguments: Kind.allCases)
    func retentionDeletesTheOldestTracesWithWhatHangsOffThemProjectByProject(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        try await Self.history(store)
        let cutoff = Self.base + 15 * Self.minute

        // Acme's rules: its two traces before minute 15 go, one batch at a time; beta is untouched.
        let first = try await store.deleteExpiredTraces(ExpiryRequest(projects: .only("acme"), beforeNanos: cutoff, limit: 1))
        #expect(first.traces == 1 && first.spans == 2 && first.scores == 1)
        let second = try await store.deleteExpiredTraces(ExpiryRequest(projects: .only("acme"), beforeNanos: cutoff, limit: 1))
        #expect(second == DeletedCounts(traces: 1, spans: 2, scores: 1))
        #expect(try await store.deleteExpiredTraces(ExpiryRequest(projects: .only("acme"), beforeNanos: cutoff)).total == 0)
        let all = TraceQuery(fromNanos: 0, toNanos: .max, limit: 100)
        #expect(try await store.traces(all).map(\.traceId).sorted() == [String(format: "a%031d", 2), String(format: "a%031d", 3), String(format: "b%031d", 0)])
        #expect(try await store.spans(traceId: String(format: "a%031d", 0)).isEmpty)
        #expect(try await store.retrievedRequests(RetrievalQuery(fromNanos: 0, toNanos: .max)).isEmpty)
        #expect(try await store.scores(ScoreQuery(fromNanos: 0, toNanos: .max)).count == 3)

        // Every other project under the defaults: beta's old trace goes, acme is left alone.
        let others = try await store.deleteExpiredTraces(ExpiryRequest(projects: .allBut(["acme"]), beforeNanos: cutoff))
        #expect(others == DeletedCounts(traces: 1, spans: 1, scores: 1))
        #expect(try await store.traces(all).count == 2)
    }

    /// A size ceiling deletes up to now in batches: a session's score (on no trace) goes with the
    /// batch that passes its time, not with the first batch.
    @Test(arguments: Kind.allCases)
    func scoresOnNoTraceGoInTimeOrderWithTheTraces(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        try await Self.history(store)
        _ = try await store.writeScores([Score(
            id: "session-score", project: "acme", target: .session(sessionId: "s1"), name: "user_satisfaction", value: .boolean(false),
            userId: "u1", source: .userFeedback, timestampNanos: Self.base + 25 * Self.minute
        )])
        let now = Self.base + 60 * Self.minute
        let sessionScores = { try await store.scores(ScoreQuery(fromNanos: 0, toNanos: .max)).filter { $0.id == "session-score" }.count }
        // Full batches (limit 1) of the traces at minutes 0, 10 and 20: the minute-25 score stays.
        for _ in 0..<3 {
            #expect(try await store.deleteExpiredTraces(ExpiryRequest(projects: .only("acme"), beforeNanos: now, limit: 1)).traces == 1)
            #expect(try await sessionScores() == 1)
        }
        // The minute-30 trace's batch passes it.
        #expect(try await store.deleteExpiredTraces(ExpiryRequest(projects: .only("acme"), beforeNanos: now, limit: 1)).scores == 2)
        #expect(try await sessionScores() == 0)
    }

    @Test(arguments: Kind.allCases)
    func theOldestTraceAndRollupPeriodAreKnown(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let empty = try await store.oldestData()
        #expect(empty.traceStartNanos == nil && empty.rollupStartNanos == nil)
        try await Self.history(store)
        let oldest = try await store.oldestData()
        #expect(oldest.traceStartNanos == Self.base)
        // The minute's rollups start with the trace; a coarser tier's period may start before it,
        // within the store's longest period.
        let rollupStart = try #require(oldest.rollupStartNanos)
        #expect(rollupStart <= Self.base && rollupStart > Self.base - oldest.rollupPeriodNanos)
        // Nothing of the rollups is wholly older than the oldest trace: none may go before it.
        #expect(!oldest.rollupsAreOlder(nowNanos: .max))
        #expect(oldest.rollupCutoff(nowNanos: .max) <= Self.base && oldest.rollupCutoff(nowNanos: .max) % oldest.rollupPeriodNanos == 0)
        _ = try await store.deleteExpiredTraces(ExpiryRequest(projects: .allBut([]), beforeNanos: Self.base + 5 * Self.minute))
        #expect(try await store.oldestData().traceStartNanos == Self.base + 10 * Self.minute)
    }

    @Test(arguments: Kind.allCases)
    func retentionDeletesOldRollupPeriodsAndKeepsTheRest(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        try await Self.history(store)
        let cutoff = Self.base + 15 * Self.minute
        var deleted = DeletedCounts()
        while true {
            let batch = try await store.deleteExpiredRollups(ExpiryRequest(projects: .only("acme"), beforeNanos: cutoff, limit: 5))
            if batch.rollupRows == 0 { break }
            deleted += batch
        }
        #expect(deleted.rollupRows > 0)
        let minute = Self.base / Self.minute
        let early = try await store.rollups(RollupQuery(grain: .core, fromMinute: minute, toMinute: minute + 15))
        #expect(early.allSatisfy { $0.key.project == "beta" } && early.contains { $0.key.project == "beta" })
        let late = try await store.rollups(RollupQuery(grain: .core, fromMinute: minute + 15, toMinute: minute + 60))
        #expect(late.reduce(0) { $0 + $1.measures.count } == 4)
    }

    @Test(arguments: Kind.allCases)
    func erasingAUserTakesTheirTracesScoresAndPerUserRowsAndKeepsTheTotals(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        try await Self.history(store)
        let minute = Self.base / Self.minute
        func total(_ grain: RollupGrain) async throws -> Int64 {
            try await store.rollups(RollupQuery(grain: grain, fromMinute: minute, toMinute: minute + 60)).reduce(0) { $0 + $1.measures.count }
        }
        let before = try await total(.core)
        let erased = try await store.eraseUser("u1") { AuditRecord(atNanos: 1, actor: "test", action: "user.erased", target: "user 1", detail: "\($0.traces)") }
        #expect(erased.traces == 4 && erased.spans == 8 && erased.scores == 4 && erased.retrievals == 1 && erased.rollupRows > 0)
        #expect(try await store.traces(TraceQuery(fromNanos: 0, toNanos: .max, limit: 100)).map(\.userId) == ["u2"])
        #expect(try await store.scores(ScoreQuery(fromNanos: 0, toNanos: .max)).map(\.userId) == ["u2"])
        #expect(try await store.rollups(RollupQuery(grain: .user, fromMinute: minute, toMinute: minute + 60)).allSatisfy { $0.key.user == "u2" })
        #expect(try await total(.core) == before)
        #expect(try await store.eraseUser("u1") { AuditRecord(atNanos: 1, actor: "test", action: "user.erased", target: "user 1", detail: "\($0.traces)") }.total == 0)
    }
}
