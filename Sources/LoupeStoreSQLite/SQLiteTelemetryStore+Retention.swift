import Foundation
import GRDB
import LoupeStore

/// Retention's deletes, a user's erasure, and giving freed space back to the file system.
extension SQLiteTelemetryStore {
    public func deleteExpiredTraces(_ request: ExpiryRequest) async throws -> DeletedCounts {
        // Folded first: a trace's summary must exist for its spans to be found and go with it.
        try await pool.writeWithoutTransaction { db in try self.afterFolding(in: db) { db in try Expiry.traces(request, in: db) } }
    }

    public func oldestData() async throws -> OldestData {
        try await flushAggregates()
        return try await pool.read { db in try Expiry.oldest(in: db) }
    }

    public func deleteExpiredRollups(_ request: ExpiryRequest) async throws -> DeletedCounts {
        try await pool.write { db in try Expiry.rollups(request, in: db) }
    }

    /// Needs the file's incremental auto-vacuum, which databases created by this version have;
    /// an older file reuses its freed pages instead (a `VACUUM` with `PRAGMA auto_vacuum =
    /// INCREMENTAL`, run while no server is, converts it).
    public func reclaimSpace(maxBytes: Int64) async throws -> Int64 {
        try await pool.writeWithoutTransaction { db in
            guard try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") == 2 else { return 0 }
            let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 4_096
            let free = try Int64.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            let pages = min(free, max(1, maxBytes / pageSize))
            guard pages > 0 else { return 0 }
            try db.execute(sql: "PRAGMA incremental_vacuum(\(pages))")
            return pages * pageSize
        }
    }

    public func eraseUser(_ userId: String, audit: @Sendable (DeletedCounts) -> AuditRecord) async throws -> DeletedCounts {
        let counts = try await pool.writeWithoutTransaction { db in
            // Free pages zeroed too, not only the pages written.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = FAST") }
            // Folded first, so the user's pending rollup rows are in the tables to be deleted.
            let counts = try self.afterFolding(in: db) { db in
                let counts = try UserErasure.erase(userId, in: db)
                _ = try AuditTable.append([audit(counts)], in: db)
                return counts
            }
            // Pages freed before, while only FAST was on, still hold what they held: copies of the
            // user's rows among them. Giving every free page back to the file system (files made by
            // this version keep incremental auto-vacuum) leaves none behind in the file.
            try db.execute(sql: "PRAGMA incremental_vacuum")
            // The log still holds earlier images of the pages just overwritten: copy it back and empty
            // it. A long read can hold the log past the busy timeout; the erase is committed either
            // way, so that is not an error: the frames are overwritten as the log restarts, and
            // erasing again (which finds nothing) truncates again.
            _ = try? db.checkpoint(.truncate)
            // SQLite can still leave an older copy of a rewritten row in a page's unallocated gap,
            // which no pragma reaches (seen in `anErasedUsersIdAndContentAreNowhereInTheFileOrItsLog`
            // about one run in ten). Only rewriting the file removes it, so when the file still
            // holds the user's id anywhere, it is rewritten: a read of the file in the usual case,
            // a `VACUUM` in the rare one.
            if try Self.file(self.path, contains: Array(userId.utf8)) {
                try db.execute(sql: "VACUUM")
                _ = try? db.checkpoint(.truncate)
            }
            return counts
        }
        return counts
    }

    /// Whether a file's bytes contain `needle`, read mapped rather than into memory.
    static func file(_ path: String, contains needle: [UInt8]) throws -> Bool {
        guard !needle.isEmpty else { return false }
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        return data.range(of: Data(needle)) != nil
    }

    /// Rewrites the whole file (`VACUUM`), then empties the write-ahead log: what older versions left
    /// in free space (copies of since deleted or erased rows) is gone, freed space goes back to the
    /// file system, and a file created before incremental auto-vacuum is converted to it. Run by the
    /// one ingesting instance (``claimIngest()``) while nothing else uses the file: it takes as long
    /// as copying the file, and needs as much free disk again.
    public func compact() async throws {
        try await claimIngest()
        try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            try db.execute(sql: "VACUUM")
            _ = try db.checkpoint(.truncate)
        }
    }
}
