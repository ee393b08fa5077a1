import Foundation
import LoupeCore
import LoupeStore
import LoupeStoreClickHouse
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
