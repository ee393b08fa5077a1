import Foundation
import LoupeCore
import LoupeStore
@testable import LoupeStoreClickHouse
import Testing

struct ClickHouseStoreTests {
    @Test func anAddressNamesHostPortAndDatabaseAndCredentialsComeFromTheEnvironment() throws {
        let endpoint = try ClickHouseEndpoint(
            address: "clickhouse://db.internal:9123/loupe_prod", environment: ["LOUPE_CLICKHOUSE_USER": "loupe", "LOUPE_CLICKHOUSE_PASSWORD": "s3cret"]
        )
        #expect(endpoint == ClickHouseEndpoint(baseURL: "http://db.internal:9123", database: "loupe_prod", user: "loupe", password: "s3cret"))
        #expect(endpoint.description == "http://db.internal:9123/loupe_prod")
        #expect(try ClickHouseEndpoint(address: "clickhouses://h/loupe", environment: [:]).baseURL == "https://h:8443")
    }

    @Test(arguments: [
        "clickhouse://loupe:secret@h:8123/loupe", "clickhouse://h:8123", "clickhouse://h:8123/a-b", "http://h:8123/loupe", "h:8123/loupe",
    ])
    func aBadAddressIsRefusedWithTheReason(address: String) {
        #expect(throws: ClickHouseStoreError.self) { try ClickHouseEndpoint(address: address, environment: [:]) }
    }

    @Test func aPasswordFileIsRead() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ch-password-\(UUID().uuidString)")
        try "from-file\n".write(to: file, atomically: true, encoding: .utf8)
        let endpoint = try ClickHouseEndpoint(address: "clickhouse://h/loupe", environment: ["LOUPE_CLICKHOUSE_PASSWORD_FILE": file.path])
        #expect(endpoint.password == "from-file")
    }

    @Test func aServerThatIsNotThereIsSaidToBeUnreachable() async {
        let endpoint = ClickHouseEndpoint(baseURL: "http://127.0.0.1:1", database: "loupe")
        await #expect {
            _ = try await ClickHouseTelemetryStore.open(endpoint, timeout: .milliseconds(300))
        } throws: { error in
            guard let error = error as? ClickHouseStoreError, case .unreachable = error else { return false }
            return error.isTransient && error.description.contains("cannot reach ClickHouse at http://127.0.0.1:1/loupe")
        }
    }

    /// Span attributes are attacker input: quotes, backslashes, control characters and SQL in every
    /// text column, and in a filter's value, must stay text.
    @Test(.enabled(if: ClickHouseTestServer.address != nil))
    func hostileTextRoundTripsAndFiltersAsText() async throws {
        let store = try await ClickHouseTestServer.makeStore()
        let hostile = "x'); DROP TABLE spans; -- \\' \" \\n\n\t\u{0}é😀"
        var span = TelemetryStoreConformance.span(id: "00000000000000aa", user: hostile, unit: hostile)
        span.name = hostile
        span.attributes = [hostile: .string(hostile)]
        _ = try await store.writeAndFlush([span])
        #expect(try await store.spans(traceId: span.traceId) == [span])
        let window = TraceQuery(fromNanos: span.startNanos, toNanos: span.endNanos + 1, user: hostile, dimensions: ["business_unit": hostile])
        #expect(try await store.traces(window).map(\.traceId) == [span.traceId])
        let minute = UnixMinute.containing(nanos: span.startNanos)
        let rows = try await store.rollups(RollupQuery(grain: .user, fromMinute: minute - 10, toMinute: minute + 1, filters: [.user: hostile]))
        #expect(rows.reduce(0) { $0 + $1.measures.count } == 1)
    }
}

extension ClickHouseStoreTests {
    /// Two servers sharing one ClickHouse: one holds a lease until it lapses, renewing keeps it, and
    /// the other takes it once it has lapsed.
    @Test(.enabled(if: ClickHouseTestServer.address != nil))
    func aLeaseIsHeldByOneServerUntilItLapses() async throws {
        let store = try await ClickHouseTestServer.makeStore()
        let second: Int64 = 1_000_000_000
        #expect(try await store.holdLease("alerts", holder: "a", nowNanos: 100 * second, ttlNanos: 30 * second))
        #expect(try await !store.holdLease("alerts", holder: "b", nowNanos: 110 * second, ttlNanos: 30 * second))
        #expect(try await store.holdLease("retention", holder: "b", nowNanos: 110 * second, ttlNanos: 30 * second))
        #expect(try await store.holdLease("alerts", holder: "a", nowNanos: 125 * second, ttlNanos: 30 * second))
        #expect(try await !store.holdLease("alerts", holder: "b", nowNanos: 150 * second, ttlNanos: 30 * second))
        #expect(try await store.holdLease("alerts", holder: "b", nowNanos: 156 * second, ttlNanos: 30 * second))
        #expect(try await !store.holdLease("alerts", holder: "a", nowNanos: 160 * second, ttlNanos: 30 * second))
    }
}

extension ClickHouseStoreTests {
    @Test func aShardedAddressNamesEveryServerAndTheCluster() throws {
        let endpoint = try ClickHouseEndpoint(address: "clickhouse://10.0.0.1:8123,10.0.0.2/loupe?cluster=prod", environment: [:])
        #expect(endpoint.servers == ["http://10.0.0.1:8123", "http://10.0.0.2:8123"])
        #expect(endpoint.cluster == "prod" && endpoint.database == "loupe")
        #expect(endpoint.description == "http://10.0.0.1:8123,http://10.0.0.2:8123/loupe (sharded over cluster prod)")
        #expect(throws: ClickHouseStoreError.self) { try ClickHouseEndpoint(address: "clickhouse://a,b/loupe", environment: [:]) }
        #expect(throws: ClickHouseStoreError.self) { try ClickHouseEndpoint(address: "clickhouse://a/loupe?cluster=x;y", environment: [:]) }
        #expect(throws: ClickHouseStoreError.self) { try ClickHouseEndpoint(address: "clickhouse://a/loupe?shards=2", environment: [:]) }
    }

    /// Sharded by trace: a trace's spans live on one shard, and every shard holds some traces.
    @Test(.enabled(if: ClickHouseTestServer.shardedAddress != nil))
    func tracesAreShardedWhole() async throws {
        let store = try await ClickHouseTestServer.makeStore(sharded: true)
        var spans: [SpanRecord] = []
        for t in 0..<40 {
            let trace = String(format: "%032x", t + 1)
            spans += [
                TelemetryStoreConformance.span(trace: trace, id: "0000000000000001"),
                TelemetryStoreConformance.span(trace: trace, id: "0000000000000002", parent: "0000000000000001"),
            ]
        }
        _ = try await store.writeAndFlush(spans)
        let perShard = try await store.spansPerShard()
        #expect(perShard.count == 2 && perShard.allSatisfy { $0.traces > 0 } && perShard.reduce(0) { $0 + $1.spans } == 80)
        #expect(perShard.allSatisfy { $0.spans == 2 * $0.traces })
        #expect(try await store.traces(TraceQuery(fromNanos: 0, toNanos: .max, limit: 100)).count == 40)
    }
}

/// A span insert that fails part-way (a server killed between the spans' rows and the views' rows)
/// is noted, kept in ClickHouse, and repaired once settled.
extension ClickHouseStoreTests {
    @Test(.enabled(if: ClickHouseTestServer.address != nil))
    func anInsertThatFailedPartWayIsRepairedOnceSettled() async throws {
        try await repairsAnInterruptedInsert(try await ClickHouseTestServer.makeStore())
    }

    @Test(.enabled(if: ClickHouseTestServer.shardedAddress != nil))
    func anInsertThatFailedPartWayOnAShardIsRepairedOnceSettled() async throws {
        try await repairsAnInterruptedInsert(try await ClickHouseTestServer.makeStore(sharded: true))
    }

    private func repairsAnInterruptedInsert(_ store: ClickHouseTelemetryStore) async throws {
        let spans: [SpanRecord] = (1...6).map { (n: Int) -> SpanRecord in
            let trace = String(format: "%032x", n % 3 + 1), id = String(format: "%016x", n)
            return TelemetryStoreConformance.span(trace: trace, id: id, minute: Int64(n % 2), error: n == 4)
        }
        _ = try await store.writeAndFlush(spans)
        let base = TelemetryStoreConformance.base / TelemetryStoreConformance.minute
        let window = RollupQuery(grain: .core, fromMinute: base - 10, toMinute: base + 10)
        let traces = TraceQuery(fromNanos: 0, toNanos: .max, limit: 10)
        let rollups = try await store.rollups(window), summaries = try await store.traces(traces)
        #expect(rollups.reduce(0) { $0 + $1.measures.count } == 6 && summaries.count == 3)

        // What a kill between the span rows and the views' rows leaves: spans no rollup or trace part counts.
        try await store.mutate(table: "rollups", "DELETE WHERE 1")
        try await store.mutate(table: "trace_parts", "DELETE WHERE 1")
        #expect(try await store.rollups(window).isEmpty)
        let failed = store.now()
        store.interruptedWrites.note(spans, failedNanos: failed)

        try await store.maintain()
        #expect(store.interruptedWrites.waiting.isEmpty, "the note is kept in ClickHouse")
        #expect(try await store.repairInterruptedWrites(nowNanos: failed + 1_000_000_000) == 0, "not settled yet: exporters may still resend")
        #expect(try await store.repairInterruptedWrites(nowNanos: failed + store.interruptedWrites.settleNanos) == 1)
        #expect(try await store.rollups(window) == rollups)
        #expect(try await store.traces(traces) == summaries)
        #expect(try await store.repairInterruptedWrites(nowNanos: failed + 2 * store.interruptedWrites.settleNanos) == 0, "repaired once")
    }

    @Test func notesJoinTheirMinutesAndStayBounded() {
        let writes = [
            InterruptedWrite(failedNanos: 1, fromMinute: 20, toMinute: 30, traceIds: ["a"]),
            InterruptedWrite(failedNanos: 2, fromMinute: 0, toMinute: 10, traceIds: ["b"]),
            InterruptedWrite(failedNanos: 3, fromMinute: 10, toMinute: 20, traceIds: nil),
            InterruptedWrite(failedNanos: 4, fromMinute: 50, toMinute: 60, traceIds: []),
        ]
        #expect(InterruptedWrite.minuteRanges(writes) == [0..<30, 50..<60])

        let notes = InterruptedWrites(settle: .seconds(600))
        let span = TelemetryStoreConformance.span(id: "0000000000000001")
        for _ in 0..<(InterruptedWrites.noteLimit + 5) { notes.note([span], failedNanos: 7) }
        #expect(notes.waiting.count == InterruptedWrites.noteLimit)
        #expect(notes.waiting.last?.traceIds == nil, "past the limit, the newest note widens to every trace of its minutes")
        notes.kept(Set(notes.waiting.map(\.id)))
        #expect(notes.waiting.isEmpty)
        #expect(notes.isCheckDue(nowNanos: 0) && !notes.isCheckDue(nowNanos: 1) && notes.isCheckDue(nowNanos: notes.checkNanos))
    }

    @Test func theRepairDelayIsASettingOfTheAddress() throws {
        #expect(try ClickHouseEndpoint(address: "clickhouse://h/loupe", environment: [:]).repairAfter == .seconds(600))
        #expect(try ClickHouseEndpoint(address: "clickhouse://a,b/loupe?cluster=c&repair_after=30", environment: [:]).repairAfter == .seconds(30))
        #expect(throws: ClickHouseStoreError.self) { try ClickHouseEndpoint(address: "clickhouse://h/loupe?repair_after=soon", environment: [:]) }
        #expect(throws: ClickHouseStoreError.self) { try ClickHouseEndpoint(address: "clickhouse://h/loupe?repair_after=-1", environment: [:]) }
    }
}
