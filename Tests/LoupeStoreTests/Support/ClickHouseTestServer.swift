import Foundation
import LoupeStoreClickHouse

/// The real ClickHouse servers the conformance suite also runs against, when the environment
/// names them (`.ci/run` starts them): `LOUPE_CLICKHOUSE_TEST` one server
/// (`clickhouse://127.0.0.1:18123`), `LOUPE_CLICKHOUSE_SHARDED_TEST` a cluster of shards
/// (`clickhouse://127.0.0.1:18131,127.0.0.1:18132?cluster=loupe`), and
/// `LOUPE_CLICKHOUSE_REPLICATED_TEST` a cluster of replicas
/// (`clickhouse://127.0.0.1:18151,127.0.0.1:18152?cluster=loupe&replicated=true`).
enum ClickHouseTestServer {
    static let address = ProcessInfo.processInfo.environment["LOUPE_CLICKHOUSE_TEST"]
    static let shardedAddress = ProcessInfo.processInfo.environment["LOUPE_CLICKHOUSE_SHARDED_TEST"]
    static let replicatedAddress = ProcessInfo.processInfo.environment["LOUPE_CLICKHOUSE_REPLICATED_TEST"]

    /// A store in a database of its own, so tests never share tables.
    static func makeStore(sharded: Bool = false) async throws -> ClickHouseTelemetryStore {
        try await makeStore(at: sharded ? shardedAddress : address)
    }

    static func makeReplicatedStore() async throws -> ClickHouseTelemetryStore {
        try await makeStore(at: replicatedAddress)
    }

    /// A new database on the servers of `address` (one of the addresses above).
    static func makeStore(at address: String?, database: String? = nil) async throws -> ClickHouseTelemetryStore {
        guard let address else {
            throw ClickHouseStoreError.badAddress("", reason: "LOUPE_CLICKHOUSE_TEST, …_SHARDED_TEST or …_REPLICATED_TEST is not set")
        }
        let database = database ?? "loupe_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let query = address.firstIndex(of: "?").map { String(address[$0...]) } ?? ""
        var base = String(address.prefix(address.count - query.count))
        if base.hasSuffix("/") { base.removeLast() }
        return try await ClickHouseTelemetryStore.open(ClickHouseEndpoint(address: "\(base)/\(database)\(query)", environment: [:]))
    }
}
