import Foundation
import LoupeCore
import LoupeStore
@testable import LoupeStoreClickHouse
import Testing

/// Replicated tables (`replicated=true`) on two real replicas of one shard, coordinated by a real
/// ZooKeeper (`.ci/run` starts them; the conformance suite runs on them too).
struct ClickHouseReplicationTests {
    @Test func aReplicatedAddressLeavesTheQuorumToTheStoreUnlessItNamesOne() throws {
        let endpoint = try ClickHouseEndpoint(address: "clickhouse://a,b/loupe?cluster=prod&replicated=true", environment: [:])
        #expect(endpoint.replicated && endpoint.insertQuorum == nil)
        #expect(endpoint.description == "http://a:8123,http://b:8123/loupe (sharded and replicated over cluster prod)")
        let three = try ClickHouseEndpoint(address: "clickhouse://a,b,c/loupe?cluster=prod&replicated=1&insert_quorum=3", environment: [:])
        #expect(three.replicated && three.insertQuorum == 3)
        let plain = try ClickHouseEndpoint(address: "clickhouse://a,b/loupe?cluster=prod", environment: [:])
        #expect(!plain.replicated && plain.insertQuorum == nil)
    }

    /// Two replicas where a quorum's parts can still be deleted (20.3 and later), none before.
    @Test func theDefaultQuorumFollowsTheRelease() {
        #expect(ClickHouseVersion("18.16.1")?.defaultInsertQuorum == 0)
        #expect(ClickHouseVersion("20.3.2.1")?.defaultInsertQuorum == 2)
        #expect(ClickHouseVersion("24.8.4.13")?.defaultInsertQuorum == 2)
        #expect(ClickHouseVersion("not a version") == nil)
    }

    @Test(arguments: [
        ("clickhouse://a/loupe?replicated=true", "replicas belong to a cluster"),
        ("clickhouse://a,b/loupe?cluster=prod&insert_quorum=2", "insert_quorum needs replicated tables"),
        ("clickhouse://a,b/loupe?cluster=prod&replicated=yes", "replicated is true or false"),
        ("clickhouse://a,b/loupe?cluster=prod&replicated=true&insert_quorum=0", "insert_quorum is a number of replicas"),
    ])
    func aReplicationSettingThatCannotHoldIsRefusedWithTheReason(address: String, reason: String) {
        #expect {
            try ClickHouseEndpoint(address: address, environment: [:])
        } throws: { ($0 as? ClickHouseStoreError)?.description.contains(reason) == true }
    }

    /// An acknowledged insert reaches both replicas: the spans, and the rollup rows and trace parts
    /// its views made from them.
    @Test(.enabled(if: ClickHouseTestServer.replicatedAddress != nil))
    func everyReplicaHoldsWhatWasAcknowledged() async throws {
        let store = try await ClickHouseTestServer.makeReplicatedStore()
        var spans: [SpanRecord] = []
        for t in 0..<40 {
            let trace = String(format: "%032x", t + 1)
            spans += [
                TelemetryStoreConformance.span(trace: trace, id: "0000000000000001"),
                TelemetryStoreConformance.span(trace: trace, id: "0000000000000002", parent: "0000000000000001", error: t % 4 == 0),
            ]
        }
        _ = try await store.writeAndFlush(spans)
        #expect(store.servers.count == 2 && store.shardServers.count == 1)
        for server in store.servers {
            // Without a quorum (before 20.3) the second replica copies within moments: wait for it.
            for table in ["spans_local", "rollups_local", "trace_parts_local"] { try await server.execute("SYSTEM SYNC REPLICA \(table)") }
            let row = try await server.select("""
                SELECT
                    (SELECT toInt64(count()) FROM spans_local) AS spans,
                    (SELECT toInt64(sum(count)) FROM rollups_local WHERE grain = 'core') AS counted,
                    (SELECT toInt64(sum(errors)) FROM rollups_local WHERE grain = 'core') AS errors,
                    (SELECT toInt64(uniqExact(trace_id)) FROM trace_parts_local) AS traces
                """).first
            #expect(row?.int("spans") == 80 && row?.int("counted") == 80 && row?.int("errors") == 10 && row?.int("traces") == 40)
        }
        // Merging parts skips the tables that hold none (log records here), which 18.16 cannot merge when replicated.
        try await store.optimize()
        #expect(try await store.spansPerShard().allSatisfy { $0.spans == 80 })
    }

    /// Rows written once by a retention mutation are gone from both replicas, the mutation having
    /// been sent to one of them only.
    @Test(.enabled(if: ClickHouseTestServer.replicatedAddress != nil))
    func aDeleteReachesEveryReplica() async throws {
        let store = try await ClickHouseTestServer.makeReplicatedStore()
        let base = TelemetryStoreConformance.base
        _ = try await store.writeAndFlush([
            TelemetryStoreConformance.span(trace: String(format: "%032x", 1), id: "0000000000000001", minute: 0),
            TelemetryStoreConformance.span(trace: String(format: "%032x", 2), id: "0000000000000001", minute: 60 * 24 * 3),
        ])
        let cutoff = base + 60 * 24 * TelemetryStoreConformance.minute
        #expect(try await store.deleteExpiredTraces(ExpiryRequest(projects: .allBut([]), beforeNanos: cutoff)).total > 0)
        for server in store.servers {
            #expect(try await server.select("SELECT toInt64(count()) AS n FROM spans_local").first?.int("n") == 1)
        }
    }

    /// A database keeps the engines it was created with: an address promising replicas for
    /// unreplicated tables is refused, with the way out.
    @Test(.enabled(if: ClickHouseTestServer.replicatedAddress != nil))
    func aDatabaseCreatedWithoutReplicasRefusesAReplicatedAddress() async throws {
        let replicated = try #require(ClickHouseTestServer.replicatedAddress)
        let database = "loupe_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        _ = try await ClickHouseTestServer.makeStore(at: replicated.replacingOccurrences(of: "&replicated=true", with: ""), database: database)
        await #expect {
            _ = try await ClickHouseTestServer.makeStore(at: replicated, database: database)
        } throws: { ($0 as? ClickHouseStoreError)?.description.contains("was created without replicas") == true }
    }

    /// A quorum is refused where ClickHouse could never delete what it inserted, with the reason.
    @Test(.enabled(if: ClickHouseTestServer.replicatedAddress != nil))
    func aQuorumIsRefusedWhereItsPartsCouldNotBeDeleted() async throws {
        let store = try await ClickHouseTestServer.makeReplicatedStore()
        let version = try #require(ClickHouseVersion(try await store.client.select("SELECT version() AS v").first?.string("v") ?? ""))
        let address = try #require(ClickHouseTestServer.replicatedAddress) + "&insert_quorum=2"
        if version.mutatesQuorumParts {
            _ = try await ClickHouseTestServer.makeStore(at: address)
        } else {
            await #expect {
                _ = try await ClickHouseTestServer.makeStore(at: address)
            } throws: { ($0 as? ClickHouseStoreError)?.description.contains("insert_quorum needs ClickHouse 20.3 or later") == true }
        }
    }
}
