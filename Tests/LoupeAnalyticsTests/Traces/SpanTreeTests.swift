import LoupeAnalytics
import LoupeCore
import Testing

struct SpanTreeTests {
    func span(_ id: String, parent: String?, start: Int64 = 0, end: Int64 = 10, _ op: OperationKind = .chain) -> SpanRecord {
        SpanRecord(traceId: "t", spanId: id, parentSpanId: parent, name: id, operation: op, startNanos: start, endNanos: end)
    }

    @Test func childrenComeDepthFirstInStartOrder() {
        let tree = SpanTree(spans: [
            span("b", parent: "root", start: 50), span("root", parent: nil), span("a", parent: "root", start: 10),
            span("a1", parent: "a", start: 20),
        ])
        let spans = ["b", "root", "a", "a1"]
        #expect(tree.places.map { spans[$0.index] } == ["root", "a", "a1", "b"])
        #expect(tree.places.map(\.depth) == [0, 1, 2, 1])
        #expect(tree.places.map(\.childCount) == [2, 1, 0, 0])
        #expect(tree.orphanCount == 0 && tree.cycleCount == 0)
    }

    @Test func orphansAndCyclesAppearOnceEachAsRootsAndAreCounted() {
        // x and y are each other's parent, z hangs under y; o's parent never arrived; s is its own parent.
        let spans = [
            span("x", parent: "y", start: 5), span("y", parent: "x", start: 6), span("z", parent: "y", start: 7),
            span("o", parent: "missing", start: 1), span("s", parent: "s", start: 2),
        ]
        let tree = SpanTree(spans: spans)
        #expect(tree.places.count == spans.count)
        #expect(Set(tree.places.map(\.index)).count == spans.count)
        #expect(tree.orphanCount == 1)
        #expect(tree.cycleCount == 1)
        let names = tree.places.map { spans[$0.index].spanId }
        #expect(names == ["o", "s", "x", "y", "z"])
        #expect(tree.places.map(\.depth) == [0, 0, 0, 1, 2])
        #expect(tree.places[0].orphan && !tree.places[1].orphan)
        #expect(tree.places[2].cycleBroken && !tree.places[3].cycleBroken)
    }

    @Test func aHundredThousandNestedSpansBuildWithoutRecursion() {
        let depth = 100_000
        let spans = (0..<depth).map { i in
            span(String(i), parent: i == 0 ? nil : String(i - 1), start: Int64(i), end: Int64(2 * depth - i), i % 2 == 0 ? .chain : .tool)
        }
        let detail = TraceDetail(traceId: "t", spans: spans)
        #expect(detail.rows.count == depth)
        #expect(detail.rows.last?.place.depth == depth - 1)
        // Every instant belongs to the deepest running span: the innermost covers the middle 2 ns.
        #expect(abs(detail.breakdown.totalMs - Double(2 * depth) / 1_000_000) < 1e-9)
        #expect(detail.breakdown.unaccountedMs > 0)
    }
}
