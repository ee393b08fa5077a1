import Foundation
import LoupeStore

/// Access keys and audit entries as rows, and back.
enum AccessRows {
    static func encode(_ key: AccessKey, version: Int64) -> JSONEachRowWriter {
        var rows = JSONEachRowWriter()
        rows.beginRow()
        rows.field("id", key.id)
        rows.field("name", key.name)
        rows.field("scope", key.scope.rawValue)
        rows.field("project", key.project)
        rows.field("secret_hash", Data(key.secretHash).base64EncodedString())
        rows.field("created_ns", key.createdNanos)
        rows.field("revoked_ns", key.revokedNanos)
        rows.field("version", version)
        rows.endRow()
        return rows
    }

    static func key(_ row: ClickHouseRow) -> AccessKey? {
        guard let id = row.string("id"), let scope = AccessScope(rawValue: row.string("scope") ?? "") else { return nil }
        let secret = Data(base64Encoded: row.string("secret_hash") ?? "").map(Array.init) ?? []
        return AccessKey(
            id: id, name: row.string("name") ?? "", scope: scope, project: row.string("project"), secretHash: secret,
            createdNanos: row.int("created_ns") ?? 0, revokedNanos: row.int("revoked_ns")
        )
    }

    static func encode(_ entries: [AuditEntry]) -> JSONEachRowWriter {
        var rows = JSONEachRowWriter()
        for entry in entries {
            rows.beginRow()
            rows.field("seq", entry.sequence)
            rows.field("at_ns", entry.record.atNanos)
            rows.field("actor", entry.record.actor)
            rows.field("action", entry.record.action)
            rows.field("target", entry.record.target)
            rows.field("client", entry.record.client)
            rows.field("detail", entry.record.detail)
            rows.field("previous_hash", entry.previousHash)
            rows.field("hash", entry.hash)
            rows.endRow()
        }
        return rows
    }

    static func entry(_ row: ClickHouseRow) -> AuditEntry {
        AuditEntry(
            sequence: row.int("seq") ?? 0,
            record: AuditRecord(
                atNanos: row.int("at_ns") ?? 0, actor: row.string("actor") ?? "", action: row.string("action") ?? "",
                target: row.string("target") ?? "", client: row.string("client") ?? "", detail: row.string("detail") ?? ""
            ),
            previousHash: row.string("previous_hash") ?? "", hash: row.string("hash") ?? ""
        )
    }
}
