import Foundation
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeAnalytics

/// Five requests with retrieval whose right answers are worked out by hand: three billing questions
/// (best scores 0.9, 0.8 with a thumbs down, 0.7; the first reranked to one of its two documents),
/// two account questions (one found nothing, one only a 0.3), and one request in the hour before;
/// the expected values are also computed with pandas in References/business_reference.py.
struct RetrievalReportTests {
    static let start: Int64 = 1_764_590_400_000_000_000
    static let hour: Int64 = 3_600_000_000_000
    static let range = TimeRange(fromNanos: start, toNanos: start + hour)

    static func request(_ n: Int, at t0: Int64, category: String, documents: [(String, Double)], kept: [(String, Double)]? = nil) -> [SpanRecord] {
        let trace = String(format: "%032x", n)
        let root = SpanRecord(
            traceId: trace, spanId: "0000000000000001", service: "rag", name: "answer", operation: .stage, startNanos: t0,
            endNanos: t0 + 1_000_000_000, dimensions: ["query_category": category]
        )
        var retrieval = SpanRecord(
            traceId: trace, spanId: "0000000000000002", parentSpanId: root.spanId, service: "rag", name: "search", operation: .retrieval,
            startNanos: t0 + 1, endNanos: t0 + 2
        )
        retrieval.documents = documents.map { RetrievedDocument(id: $0.0, score: $0.1) }
        var spans = [root, retrieval]
        if let kept {
            var rerank = SpanRecord(
                traceId: trace, spanId: "0000000000000003", parentSpanId: root.spanId, service: "rag", name: "rerank", operation: .rerank,
                startNanos: t0 + 3, endNanos: t0 + 4
            )
            rerank.documents = kept.map { RetrievedDocument(id: $0.0, score: $0.1) }
            spans.append(rerank)
        }
        return spans
    }

    static func report(inventory: [String] = []) async throws -> RetrievalReport {
        let store = InMemoryTelemetryStore()
        let minute: Int64 = 60_000_000_000
        _ = try await store.write(
            request(1, at: start, category: "billing", documents: [("kb-1", 0.9), ("kb-2", 0.3)], kept: [("kb-1", 0.95)])
                + request(2, at: start + minute, category: "billing", documents: [("kb-1", 0.8)])
                + request(3, at: start + 2 * minute, category: "billing", documents: [("kb-3", 0.7)])
                + request(4, at: start + 3 * minute, category: "account", documents: [])
                + request(5, at: start + 4 * minute, category: "account", documents: [("kb-4", 0.3)])
                + request(6, at: start - 10 * minute, category: "billing", documents: [("kb-9", 0.6), ("kb-1", 0.7)])
        )
        try await store.writeScores([Score(
            id: "down", project: "default", target: .trace(traceId: String(format: "%032x", 2)), name: "thumbs", value: .boolean(false),
            source: .userFeedback, timestampNanos: start
        )])
        return try await TelemetryAnalytics(store: store).retrieval(range, inventory: inventory)
    }

    @Test func relevanceAndContextUtilisationAreReadFromScoresAndReranking() async throws {
        let r = try await Self.report()
        #expect(r.overall.requests == 5)
        #expect(abs((r.overall.meanTopScore ?? 0) - (0.9 + 0.8 + 0.7 + 0.3) / 4) < 1e-12)
        #expect(abs((r.overall.meanScore ?? 0) - (0.6 + 0.8 + 0.7 + 0.3) / 4) < 1e-12)
        #expect(r.overall.lowShare == 0.4)
        #expect(r.overall.contextUtilisation == 0.5 && r.overall.rerankedRequests == 1)
        #expect(r.byService.map(\.group) == ["rag"] && r.overTime.map(\.requests) == [5])
    }

    @Test func contentGapsAreGroupedByQueryCategoryMostGapsFirst() async throws {
        let r = try await Self.report()
        #expect(r.gaps.map(\.group) == ["account", "billing"])
        let account = r.gaps[0], billing = r.gaps[1]
        #expect((account.requests, account.gaps, account.empty, account.lowRelevance, account.negativeFeedback) == (2, 2, 1, 1, 0))
        #expect(account.gapShare == 1 && account.meanTopScore == 0.3)
        #expect(account.exampleTraces == [String(format: "%032x", 5), String(format: "%032x", 4)])
        #expect((billing.requests, billing.gaps, billing.empty, billing.lowRelevance, billing.negativeFeedback) == (3, 1, 0, 0, 1))
        #expect(abs((billing.meanTopScore ?? 0) - 0.8) < 1e-12 && billing.exampleTraces == [String(format: "%032x", 2)])
    }

    @Test func documentsUsedMostUnusedAndNeverRetrieved() async throws {
        let r = try await Self.report(inventory: ["kb-1", "kb-5", "kb-9"])
        #expect(r.mostUsed.map(\.id) == ["kb-1", "kb-2", "kb-3", "kb-4"] && r.mostUsed[0].retrievals == 2)
        #expect(abs((r.mostUsed[0].meanScore ?? 0) - 0.85) < 1e-12)
        #expect(r.distinctDocuments == 4)
        // kb-9 was retrieved in the hour before and not since; kb-1 was retrieved in both.
        #expect(r.unused.map(\.id) == ["kb-9"])
        #expect(r.neverRetrieved == ["kb-5", "kb-9"])
    }

    @Test func aRangeWithoutRetrievalHasNothingToShow() async throws {
        let r = try await TelemetryAnalytics(store: InMemoryTelemetryStore()).retrieval(Self.range)
        #expect(r.overall.requests == 0 && r.overall.meanTopScore == nil && r.gaps.isEmpty && r.mostUsed.isEmpty)
    }
}
