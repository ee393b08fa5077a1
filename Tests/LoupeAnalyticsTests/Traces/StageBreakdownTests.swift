import LoupeAnalytics
import LoupeCore
import Testing

struct StageBreakdownTests {
    func span(_ id: String, parent: String?, _ op: OperationKind, _ start: Int64, _ end: Int64) -> SpanRecord {
        SpanRecord(traceId: "t", spanId: id, parentSpanId: parent, name: id, operation: op,
                   startNanos: start * 1_000_000, endNanos: end * 1_000_000)
    }

    @Test func attributesEachInstantToTheDeepestSpanAndTheRootsOwnTimeToTheRemainder() {
        // root 0–1000; embedding 10–90; retrieval 100–150; llm 200–900 with a nested tool 300–400.
        let breakdown = StageBreakdown(spans: [
            span("root", parent: nil, .chain, 0, 1_000), span("e", parent: "root", .embedding, 10, 90),
            span("r", parent: "root", .retrieval, 100, 150), span("l", parent: "root", .llm, 200, 900),
            span("t", parent: "l", .tool, 300, 400),
        ])
        #expect(breakdown.totalMs == 1_000)
        #expect(breakdown.byOperation == [.embedding: 80, .retrieval: 50, .llm: 600, .tool: 100])
        #expect(breakdown.unaccountedMs == 170)
    }

    @Test func parallelSiblingsAreNotCountedTwice() {
        let breakdown = StageBreakdown(spans: [
            span("root", parent: nil, .agent, 0, 100), span("a", parent: "root", .tool, 10, 60), span("b", parent: "root", .tool, 20, 80),
        ])
        #expect(breakdown.byOperation[.tool] == 70)
        #expect(breakdown.unaccountedMs == 30)
    }

    @Test func aSingleSpanTraceIsAllItsKind() {
        let breakdown = StageBreakdown(spans: [span("only", parent: nil, .llm, 0, 250)])
        #expect(breakdown.byOperation == [.llm: 250])
        #expect(breakdown.unaccountedMs == 0)
    }

    @Test func orphansWhoseParentNeverArrivedCountAsRoots() {
        let detail = TraceDetail(traceId: "t", spans: [span("child", parent: "missing", .llm, 0, 10)])
        #expect(detail.roots.count == 1)
    }
}
