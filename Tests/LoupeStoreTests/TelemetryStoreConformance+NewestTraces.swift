import Foundation
import LoupeCore
import LoupeStore
import Testing

extension TelemetryStoreConformance {
    /// The newest traces of a range are those that start newest, whatever the spans of older
    /// traces that fall late in the range: a long trace begun before the range, with a span in its
    /// last minute, takes no place in the list.
    @Test(arguments: Kind.allCases)
    func theNewestTracesAreThoseThatStartNewest(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let from = Self.base + 10 * Self.minute
        var spans: [SpanRecord] = (0..<10).map { i in
            Self.span(trace: String(format: "%032x", i + 1), id: "0000000000000001", minute: 10 + Int64(i))
        }
        let long = "f" + String(repeating: "0", count: 31)
        spans.append(Self.span(trace: long, id: "0000000000000001", minute: 2, durationMs: 18 * 60_000))
        spans.append(Self.span(trace: long, id: "0000000000000002", parent: "0000000000000001", minute: 19))
        _ = try await store.writeAndFlush(spans)
        var query = TraceQuery(fromNanos: from, toNanos: from + 10 * Self.minute)
        for limit in [1, 3, 10, 20] {
            query.limit = limit
            let expected = (0..<10).reversed().prefix(limit).map { String(format: "%032x", $0 + 1) }
            #expect(try await store.traces(query).map(\.traceId) == Array(expected), "limit \(limit)")
        }
        // Over a range that holds the long trace's start, it is the oldest.
        query = TraceQuery(fromNanos: Self.base, toNanos: from + 10 * Self.minute)
        query.limit = 11
        #expect(try await store.traces(query).last?.traceId == long)
    }
}
