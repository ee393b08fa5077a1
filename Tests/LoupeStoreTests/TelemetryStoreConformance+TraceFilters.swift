import Foundation
import LoupeCore
import LoupeStore
import Testing

extension TelemetryStoreConformance {
    /// Three traces: a long, costly one in session s1 on gpt-4o for sales; a short one in s1 on
    /// gpt-4o-mini for legal; one in s2 whose session arrives on its second span only.
    static func sessionTraces() -> [SpanRecord] {
        var a = span(trace: "a0000000000000000000000000000000", id: "00000000000000a1", durationMs: 900, cost: 0.5, unit: "sales")
        a.sessionId = "s1"
        var b = span(trace: "b0000000000000000000000000000000", id: "00000000000000b1", minute: 1, durationMs: 50, model: "gpt-4o-mini", cost: 0.001, unit: "legal")
        b.sessionId = "s1"
        let c1 = span(trace: "c0000000000000000000000000000000", id: "00000000000000c1", minute: 2, durationMs: 100, model: nil, operation: .chain, cost: nil)
        var c2 = span(trace: "c0000000000000000000000000000000", id: "00000000000000c2", parent: "00000000000000c1", minute: 2, durationMs: 40)
        c2.sessionId = "s2"
        return [a, b, c1, c2]
    }

    @Test(arguments: Kind.allCases)
    func tracesFilterBySessionModelLabelsDurationAndCost(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        _ = try await store.writeAndFlush(Array(Self.sessionTraces().prefix(3)))
        _ = try await store.writeAndFlush([Self.sessionTraces()[3]])
        let range = (Self.base, Self.base + 5 * Self.minute)
        func ids(_ query: TraceQuery) async throws -> [String] {
            try await store.traces(query).map { String($0.traceId.prefix(1)) }
        }
        #expect(try await ids(TraceQuery(fromNanos: range.0, toNanos: range.1)) == ["c", "b", "a"])
        #expect(try await ids(TraceQuery(fromNanos: range.0, toNanos: range.1, session: "s1")) == ["b", "a"])
        #expect(try await ids(TraceQuery(fromNanos: range.0, toNanos: range.1, session: "s2")) == ["c"])
        #expect(try await store.traces(TraceQuery(fromNanos: range.0, toNanos: range.1, session: "s2")).first?.sessionId == "s2")
        #expect(try await ids(TraceQuery(fromNanos: range.0, toNanos: range.1, model: "gpt-4o-mini")) == ["b"])
        #expect(try await ids(TraceQuery(fromNanos: range.0, toNanos: range.1, model: "gpt-4o")) == ["c", "a"])
        #expect(try await ids(TraceQuery(fromNanos: range.0, toNanos: range.1, dimensions: ["business_unit": "legal"])) == ["b"])
        #expect(try await ids(TraceQuery(fromNanos: range.0, toNanos: range.1, model: "gpt-4o", dimensions: ["business_unit": "legal"])) == [])
        #expect(try await ids(TraceQuery(fromNanos: range.0, toNanos: range.1, minDurationNanos: 500_000_000)) == ["a"])
        #expect(try await ids(TraceQuery(fromNanos: range.0, toNanos: range.1, minCostUSD: 0.01)) == ["c", "a"])
    }
}
