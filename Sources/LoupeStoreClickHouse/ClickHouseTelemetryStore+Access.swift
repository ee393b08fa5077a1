import LoupeStore

/// Access keys and the audit trail.
///
/// ClickHouse has no transactions: a key's check and insert, and an audit entry's read of the
/// chain's last link and its append, run one at a time within a process (``AsyncLock``). Servers
/// sharing one ClickHouse should make key changes through one of them; two appending in the same
/// instant would both link to the same entry, and `loupe audit verify` reports such a fork.
extension ClickHouseTelemetryStore {
    public func createAccessKey(_ key: AccessKey, audit: AuditRecord) async throws {
        try await accessLock.run {
            guard try await storedKey(id: key.id) == nil else { throw AccessKeyConflict(id: key.id) }
            try await client.insert(into: "access_keys", rows: AccessRows.encode(key, version: now()).buffer)
            _ = try await appendChained([audit])
        }
    }

    public func accessKeys() async throws -> [AccessKey] {
        try await client.select("SELECT * FROM access_keys ORDER BY version DESC LIMIT 1 BY id").compactMap(AccessRows.key)
            .sorted { ($0.createdNanos, $0.id) < ($1.createdNanos, $1.id) }
    }

    public func accessKey(id: String) async throws -> AccessKey? {
        try await storedKey(id: id)
    }

    public func revokeAccessKey(id: String, atNanos: Int64, audit: AuditRecord) async throws -> Bool {
        try await accessLock.run {
            guard var key = try await storedKey(id: id), !key.isRevoked else { return false }
            key.revokedNanos = atNanos
            try await client.insert(into: "access_keys", rows: AccessRows.encode(key, version: now()).buffer)
            _ = try await appendChained([audit])
            return true
        }
    }

    public func appendAudit(_ records: [AuditRecord]) async throws -> [AuditEntry] {
        try await accessLock.run { try await appendChained(records) }
    }

    public func auditEntries(_ query: AuditQuery) async throws -> [AuditEntry] {
        try await client.select("""
            SELECT * FROM audit_log WHERE seq > \(query.afterSequence) AND at_ns >= \(query.fromNanos) AND at_ns < \(query.toNanos)
            ORDER BY seq LIMIT \(max(query.limit, 0))
            """).map(AccessRows.entry)
    }

    private func storedKey(id: String) async throws -> AccessKey? {
        try await client.select("SELECT * FROM access_keys WHERE id = \(ClickHouseSQL.string(id)) ORDER BY version DESC LIMIT 1")
            .first.flatMap(AccessRows.key)
    }

    /// Appends records after the chain's last entry; the caller holds ``accessLock``.
    private func appendChained(_ records: [AuditRecord]) async throws -> [AuditEntry] {
        guard !records.isEmpty else { return [] }
        var last = try await client.select("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first.map {
            (sequence: $0.int("seq") ?? 0, hash: $0.string("hash") ?? "")
        }
        let entries = records.map { record in
            let entry = AuditEntry.appending(record, after: last)
            last = (entry.sequence, entry.hash)
            return entry
        }
        try await client.insert(into: "audit_log", rows: AccessRows.encode(entries).buffer)
        return entries
    }
}
