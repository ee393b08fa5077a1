import GRDB
import LoupeStore

/// The `audit_log` table: the audit trail, one row per entry with the hashes that chain it.
///
/// Triggers refuse updates and deletes, so nothing that goes through SQLite rewrites history by
/// mistake; someone who drops them on purpose is caught by ``AuditVerifier``.
enum AuditTable {
    static let create = """
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY, at_ns INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
            client TEXT NOT NULL, detail TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL
        );
        CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        """

    /// Appends in the caller's transaction, chained to the newest entry.
    static func append(_ records: [AuditRecord], in db: Database) throws -> [AuditEntry] {
        var previous = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            .map { (sequence: $0[0] as Int64, hash: $0[1] as String) }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit_log (seq, at_ns, actor, action, target, client, detail, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        return try records.map { record in
            let entry = AuditEntry.appending(record, after: previous)
            let r = entry.record
            try statement.execute(arguments: [
                entry.sequence, r.atNanos, r.actor, r.action, r.target, r.client, r.detail, entry.previousHash, entry.hash,
            ])
            previous = (entry.sequence, entry.hash)
            return entry
        }
    }

    /// In `seq` order, which is what the chain is checked in; a reordered row shows up there.
    static func read(_ query: AuditQuery, in db: Database) throws -> [AuditEntry] {
        try Row.fetchAll(db, sql: """
            SELECT seq, at_ns, actor, action, target, client, detail, previous_hash, hash FROM audit_log
            WHERE seq > ? AND at_ns >= ? AND at_ns < ? ORDER BY seq LIMIT ?
            """, arguments: [query.afterSequence, query.fromNanos, query.toNanos, query.limit]
        ).map { row in
            AuditEntry(
                sequence: row[0],
                record: AuditRecord(atNanos: row[1], actor: row[2], action: row[3], target: row[4], client: row[5], detail: row[6]),
                previousHash: row[7], hash: row[8]
            )
        }
    }
}
