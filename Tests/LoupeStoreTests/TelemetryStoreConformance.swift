import Foundation
import LoupeCore
import LoupeStore
import LoupeStoreClickHouse
import LoupeStoreSQLite
import Testing

/// The contract every store meets, run against each store below.
struct TelemetryStoreConformance {
    enum Kind: String, CustomStringConvertible {
        case memory, sqliteFile, clickHouse, clickHouseSharded, clickHouseReplicated
        var description: String { rawValue }

        /// Every store: ClickHouse too, on one server, sharded and replicated, when the environment
        /// names servers to test against (``ClickHouseTestServer``; each store gets a database of its own there).
        static let allCases: [Kind] = [.memory, .sqliteFile] + (ClickHouseTestServer.address == nil ? [] : [.clickHouse])
            + (ClickHouseTestServer.shardedAddress == nil ? [] : [.clickHouseSharded])
            + (ClickHouseTestServer.replicatedAddress == nil ? [] : [.clickHouseReplicated])
    }

    static func makeStore(_ kind: Kind) async throws -> any TelemetryStore {
        switch kind {
        case .memory:
            return InMemoryTelemetryStore()
        case .sqliteFile:
            return try SQLiteTelemetryStore(path: try TemporaryDatabase.path("store"))
        case .clickHouse:
            return try await ClickHouseTestServer.makeStore()
        case .clickHouseSharded:
            return try await ClickHouseTestServer.makeStore(sharded: true)
        case .clickHouseReplicated:
            return try await ClickHouseTestServer.makeReplicatedStore()
        }
    }

    static let minute: Int64 = 60_000_000_000
    static let base: Int64 = 29_000_000 * minute

    static func span(
        trace: String = "0af7651916cd43dd8448eb211c80319c", id: String, parent: String? = nil, minute: Int64 = 0,
        durationMs: Int64 = 100, model: String? = "gpt-4o", operation: OperationKind = .llm, input: Int64? = 100,
        output: Int64? = 10, cost: Double? = 0.01, error: Bool = false, user: String? = "u1", unit: String = "sales"
    ) -> SpanRecord {
        let start = base + minute * Self.minute
        return SpanRecord(
            traceId: trace, spanId: id, parentSpanId: parent, project: "acme", service: "rag", name: "span \(id)",
            operation: operation, spanKind: .client, startNanos: start, endNanos: start + durationMs * 1_000_000,
            status: error ? .error : .unset, errorType: error ? "RateLimitError" : nil, errorMessage: error ? "slow down" : nil,
            errorCategory: error ? "rate_limit" : nil, errorFingerprint: error ? "00000000000000aa" : nil, provider: "openai", requestModel: model,
            usage: TokenUsage(input: input, output: output), countsUsage: operation.isModelCall, costUSD: cost, userId: user,
            dimensions: ["business_unit": unit], attributes: ["k": "v", "n": 2],
            resourceAttributes: ["service.name": "rag"], events: error ? [SpanEvent(name: "exception", timeNanos: start, attributes: ["exception.message": "slow down"])] : []
        )
    }

    @Test(arguments: Kind.allCases)
    func writesAreIdempotent(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let spans = [Self.span(id: "0000000000000001"), Self.span(id: "0000000000000002")]
        #expect(try await store.writeAndFlush(spans) == WriteOutcome(inserted: 2))
        #expect(try await store.writeAndFlush(spans + [Self.span(id: "0000000000000003")]) == WriteOutcome(inserted: 1, duplicates: 2))
        let rows = try await store.rollups(RollupQuery(grain: .core, fromMinute: Self.base / Self.minute, toMinute: Self.base / Self.minute + 1))
        #expect(rows.reduce(0) { $0 + $1.measures.count } == 3)
        #expect(try await store.spans(traceId: spans[0].traceId).count == 3)
    }

    @Test(arguments: Kind.allCases)
    func spansReadBackAsWritten(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let original = Self.span(id: "0000000000000009", error: true)
        _ = try await store.writeAndFlush([original])
        let stored = try await store.spans(traceId: original.traceId)
        #expect(stored == [original])
        #expect(try await store.spans(traceId: "ffffffffffffffffffffffffffffffff").isEmpty)
    }

    @Test(arguments: Kind.allCases)
    func rollupsAddUpPerGrainAndMinute(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let m0 = Self.base / Self.minute
        _ = try await store.writeAndFlush([
            Self.span(id: "0000000000000001", minute: 0, durationMs: 100),
            Self.span(id: "0000000000000002", minute: 0, durationMs: 300, error: true, unit: "support"),
            Self.span(id: "0000000000000003", minute: 1, durationMs: 200, model: "claude", user: "u2"),
            Self.span(id: "0000000000000004", minute: 1, durationMs: 50, operation: .chain, input: 100, cost: nil),
        ])
        // A later batch adds to the same rows, histograms merged.
        _ = try await store.writeAndFlush([Self.span(id: "0000000000000005", minute: 0, durationMs: 1_000)])
        let core = try await store.rollups(RollupQuery(grain: .core, fromMinute: m0, toMinute: m0 + 2))
        var total = RollupMeasures()
        for row in core { total.merge(row.measures) }
        #expect(total.count == 5)
        #expect(total.errors == 1)
        #expect(total.inputTokens == 400)  // the chain span repeats usage and is not counted
        #expect(abs(total.costUSD - 0.04) < 1e-12)
        #expect(total.latency.count == 5)
        let gpt = try await store.rollups(RollupQuery(grain: .core, fromMinute: m0, toMinute: m0 + 1, filters: [.model: "gpt-4o"]))
        #expect(gpt.reduce(0) { $0 + $1.measures.count } == 3)
        let p50 = gpt.reduce(into: LatencyHistogram()) { $0.merge($1.measures.latency) }.quantile(0.5) ?? 0
        #expect(abs(p50 - 300) / 300 < 0.011)
        let support = try await store.rollups(RollupQuery(grain: .business, fromMinute: m0, toMinute: m0 + 2, filters: [TelemetryDimension("business_unit"): "support"]))
        #expect(support.reduce(0) { $0 + $1.measures.count } == 1)
        let users = try await store.rollups(RollupQuery(grain: .user, fromMinute: m0, toMinute: m0 + 2, filters: [.user: "u2"]))
        #expect(users.reduce(0) { $0 + $1.measures.count } == 1)
        let errors = try await store.rollups(RollupQuery(grain: .core, fromMinute: m0, toMinute: m0 + 2, filters: [.errorCategory: "rate_limit"]))
        #expect(errors.reduce(0) { $0 + $1.measures.errors } == 1)
    }

    @Test(arguments: Kind.allCases)
    func traceSummariesMergeAcrossBatches(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let trace = "11111111111111111111111111111111"
        _ = try await store.writeAndFlush([Self.span(trace: trace, id: "0000000000000002", parent: "0000000000000001", minute: 0, durationMs: 100)])
        _ = try await store.writeAndFlush([Self.span(trace: trace, id: "0000000000000001", minute: 0, durationMs: 500, operation: .chain, error: true)])
        _ = try await store.writeAndFlush([Self.span(trace: "22222222222222222222222222222222", id: "0000000000000003", minute: 1)])
        let all = try await store.traces(TraceQuery(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute))
        #expect(all.map(\.traceId) == ["22222222222222222222222222222222", trace])
        let summary = try #require(all.last)
        #expect(summary.rootName == "span 0000000000000001")
        #expect(summary.spanCount == 2)
        #expect(summary.errorCount == 1)
        #expect(summary.inputTokens == 100)
        #expect(summary.durationMs == 500)
        let failed = try await store.traces(TraceQuery(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute, hasErrors: true))
        #expect(failed.map(\.traceId) == [trace])
        let limited = try await store.traces(TraceQuery(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute, limit: 1))
        #expect(limited.count == 1)
    }
}
