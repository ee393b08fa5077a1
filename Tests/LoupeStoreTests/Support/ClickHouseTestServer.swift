import Foundation
import LoupeStoreClickHouse

/// The real ClickHouse server the conformance suite also runs against, when
/// `LOUPE_CLICKHOUSE_TEST` names one (`.ci/run` starts it).
enum ClickHouseTestServer {
    static let address = ProcessInfo.processInfo.environment["LOUPE_CLICKHOUSE_TEST"]

    /// A store in a database of its own, so tests never share tables.
    static func makeStore() async throws -> ClickHouseTelemetryStore {
        guard let address else { throw ClickHouseStoreError.badAddress("", reason: "LOUPE_CLICKHOUSE_TEST is not set") }
        let database = "loupe_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let trimmed = address.hasSuffix("/") ? String(address.dropLast()) : address
        return try await ClickHouseTelemetryStore.open(ClickHouseEndpoint(address: "\(trimmed)/\(database)", environment: [:]))
    }
}
