import GRDB
import LoupeStore

/// API keys and the audit trail, each change and its audit entry in one transaction.
extension SQLiteTelemetryStore {
    public func createAccessKey(_ key: AccessKey, audit: AuditRecord) async throws {
        try await pool.write { db in
            try AccessKeyTable.insert(key, in: db)
            _ = try AuditTable.append([audit], in: db)
        }
    }

    public func accessKeys() async throws -> [AccessKey] {
        try await pool.read { db in try AccessKeyTable.read(in: db) }
    }

    public func accessKey(id: String) async throws -> AccessKey? {
        try await pool.read { db in try AccessKeyTable.read(id: id, in: db).first }
    }

    public func revokeAccessKey(id: String, atNanos: Int64, audit: AuditRecord) async throws -> Bool {
        try await pool.write { db in
            guard try AccessKeyTable.revoke(id: id, atNanos: atNanos, in: db) else { return false }
            _ = try AuditTable.append([audit], in: db)
            return true
        }
    }

    public func appendAudit(_ records: [AuditRecord]) async throws -> [AuditEntry] {
        guard !records.isEmpty else { return [] }
        return try await pool.write { db in try AuditTable.append(records, in: db) }
    }

    public func auditEntries(_ query: AuditQuery) async throws -> [AuditEntry] {
        try await pool.read { db in try AuditTable.read(query, in: db) }
    }
}
