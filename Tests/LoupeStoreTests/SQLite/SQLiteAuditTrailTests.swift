import GRDB
import LoupeStore
import LoupeStoreSQLite
import Testing

/// The audit trail in a real SQLite file, against someone with write access to that file.
struct SQLiteAuditTrailTests {
    static func verify(_ store: SQLiteTelemetryStore) async throws -> AuditBreak? {
        var verifier = AuditVerifier()
        for entry in try await store.auditEntries(AuditQuery()) { verifier.check(entry) }
        return verifier.finish()
    }

    @Test func sqliteRefusesToRewriteTheTrailAndAnEditBehindItsBackIsDetected() async throws {
        let path = try TemporaryDatabase.path("audit")
        let store = try SQLiteTelemetryStore(path: path)
        _ = try await store.appendAudit((1...4).map { AuditRecord(atNanos: Int64($0), actor: "cli", action: "key.created", target: "lpk_\($0)") })
        #expect(try await Self.verify(store) == nil)

        let file = try DatabaseQueue(path: path)
        await #expect(throws: DatabaseError.self) {
            try await file.write { try $0.execute(sql: "UPDATE audit_log SET target = 'lpk_x' WHERE seq = 2") }
        }
        await #expect(throws: DatabaseError.self) {
            try await file.write { try $0.execute(sql: "DELETE FROM audit_log WHERE seq = 2") }
        }
        #expect(try await Self.verify(store) == nil)

        try await file.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_append_only_update")
            try db.execute(sql: "UPDATE audit_log SET target = 'lpk_x' WHERE seq = 2")
        }
        #expect(try await Self.verify(store)?.sequence == 2)

        try await file.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_append_only_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE seq = 2")
        }
        #expect(try await Self.verify(store) == AuditBreak(sequence: 2, reason: "entry 2 is missing: deleted from the trail"))
        try file.close()
    }
}
