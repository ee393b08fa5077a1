import Foundation
import GRDB
import LoupeStore

/// The `access_keys` table: API keys by their visible id, each with only the SHA-256 of its text.
enum AccessKeyTable {
    static let create = """
        CREATE TABLE access_keys (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, scope TEXT NOT NULL, project TEXT, secret_hash BLOB NOT NULL,
            created_ns INTEGER NOT NULL, revoked_ns INTEGER
        ) WITHOUT ROWID;
        """

    static func insert(_ key: AccessKey, in db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM access_keys WHERE id = ?", arguments: [key.id]) == nil else {
            throw AccessKeyConflict(id: key.id)
        }
        try db.execute(
            sql: "INSERT INTO access_keys (id, name, scope, project, secret_hash, created_ns, revoked_ns) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [key.id, key.name, key.scope.rawValue, key.project, Data(key.secretHash), key.createdNanos, key.revokedNanos]
        )
    }

    static func read(id: String? = nil, in db: Database) throws -> [AccessKey] {
        let sql = "SELECT id, name, scope, project, secret_hash, created_ns, revoked_ns FROM access_keys"
        let rows = try id.map { try Row.fetchAll(db, sql: sql + " WHERE id = ?", arguments: [$0]) }
            ?? Row.fetchAll(db, sql: sql + " ORDER BY created_ns, id")
        return rows.compactMap { row in
            // A scope this version does not know (written by a newer one) grants nothing.
            guard let scope = AccessScope(rawValue: row[2]) else { return nil }
            let hash: Data = row[4]
            return AccessKey(
                id: row[0], name: row[1], scope: scope, project: row[3], secretHash: Array(hash), createdNanos: row[5], revokedNanos: row[6]
            )
        }
    }

    static func revoke(id: String, atNanos: Int64, in db: Database) throws -> Bool {
        try db.execute(sql: "UPDATE access_keys SET revoked_ns = ? WHERE id = ? AND revoked_ns IS NULL", arguments: [atNanos, id])
        return db.changesCount > 0
    }
}
