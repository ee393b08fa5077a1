import LoupeCore
import LoupeStore

/// Taking in what another store holds (`loupe migrate`): keys, the audit trail and rollups as they
/// are, and a record of how far a migration got.
extension ClickHouseTelemetryStore {
    /// How far the migration from `source` got in `step`; nil when it has not started it.
    public func migrationProgress(source: String, step: String) async throws -> Int64? {
        try await client.select("""
            SELECT position FROM migration_progress WHERE source = \(ClickHouseSQL.string(source)) AND step = \(ClickHouseSQL.string(step))
            ORDER BY version DESC LIMIT 1
            """).first?.int("position")
    }

    public func recordMigrationProgress(source: String, step: String, position: Int64) async throws {
        var row = JSONEachRowWriter()
        row.beginRow()
        row.field("source", source)
        row.field("step", step)
        row.field("position", position)
        row.field("version", now())
        row.endRow()
        try await client.insert(into: "migration_progress", rows: row.buffer)
    }

    /// Stores the keys this store does not hold yet, as they are (revoked ones included); returns how many.
    public func importAccessKeys(_ keys: [AccessKey]) async throws -> Int {
        try await accessLock.run {
            let held = Set(try await accessKeys().map(\.id))
            var stored = 0
            for key in keys where !held.contains(key.id) {
                try await client.insert(into: "access_keys", rows: AccessRows.encode(key, version: now()).buffer)
                stored += 1
            }
            return stored
        }
    }

    /// Stores another store's audit trail entry for entry, so that its chain still verifies. The
    /// trail here must be empty, or already be that trail (a migration resumed); returns the entries stored.
    public func importAudit(_ entries: [AuditEntry]) async throws -> Int {
        try await accessLock.run {
            let held = try await client.select("SELECT seq, hash FROM audit_log ORDER BY seq").map { ($0.int("seq") ?? 0, $0.string("hash") ?? "") }
            let incoming = entries.map { ($0.sequence, $0.hash) }
            if !held.isEmpty {
                guard held.count <= incoming.count, zip(held, incoming).allSatisfy({ $0 == $1 }) else {
                    throw ClickHouseStoreError.badAnswer("the audit trail here already holds entries of its own: import it into a database without one")
                }
            }
            let new = Array(entries.dropFirst(held.count))
            if !new.isEmpty { try await client.insert(into: "audit_log", rows: AccessRows.encode(new).buffer) }
            return new.count
        }
    }

    /// Removes the rollup rows that spans stored here produced, and rows of an earlier import:
    /// rollups copied from another store replace them (they also cover spans it no longer keeps, and
    /// metrics), and an import resumed starts its rollups again.
    public func clearRollupsForImport() async throws {
        try await mutate(table: "rollups", "DELETE WHERE measured IN (0, 2)")
    }

    /// Stores rollup rows copied from another store.
    public func importRollups(_ rows: [RollupRow]) async throws {
        guard !rows.isEmpty else { return }
        try await client.insert(into: "rollups", rows: RollupRows.encode(rows.map { (key: $0.key, value: $0.measures) }, measured: 2).buffer)
    }
}
