import Foundation
import LoupeStoreClickHouse

/// The real ClickHouse servers the conformance suite also runs against, when the environment
/// names them (`.ci/run` starts them): `LOUPE_CLICKHOUSE_TEST` one server
/// (`clickhouse://127.0.0.1:18123`), `LOUPE_CLICKHOUSE_SHARDED_TEST` a cluster of shards
/// (`clickhouse://127.0.0.1:18131,127.0.0.1:18132?cluster=loupe`).
enum ClickHouseTestServer {
    static let address = ProcessInfo.processInfo.environment["LOUPE_CLICKHOUSE_TEST"]
    static let shardedAddress = ProcessInfo.processInfo.environment["LOUPE_CLICKHOUSE_SHARDED_TEST"]

    /// A store in a database of its own, so tests never share tables.
    static func makeStore(sharded: Bool = false) async throws -> ClickHouseTelemetryStore {
        guard let address = sharded ? shardedAddress : address else {
            throw ClickHouseStoreError.badAddress("", reason: "LOUPE_CLICKHOUSE_TEST or LOUPE_CLICKHOUSE_SHARDED_TEST is not set")
        }
        let database = "loupe_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let query = address.firstIndex(of: "?").map { String(address[$0...]) } ?? ""
        var base = String(address.prefix(address.count - query.count))
        if base.hasSuffix("/") { base.removeLast() }
        return try await ClickHouseTelemetryStore.open(ClickHouseEndpoint(address: "\(base)/\(database)\(query)", environment: [:]))
    }
}
