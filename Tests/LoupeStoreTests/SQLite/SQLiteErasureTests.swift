import Foundation
import GRDB
import LoupeCore
import LoupeStore
import LoupeStoreSQLite
import Testing

/// Erasing a user from a real SQLite file: afterwards the bytes of the file and its write-ahead log
/// hold neither the user's id nor anything they wrote, and the totals still add up.
struct SQLiteErasureTests {
    static let user = "erase-me-7f3c9a"
    static let words = "my grandmother's maiden name is Zyxwvuts"

    static func bytes(_ path: String) -> Data {
        FileManager.default.contents(atPath: path) ?? Data()
    }

    @Test func anErasedUsersIdAndContentAreNowhereInTheFileOrItsLog() async throws {
        let path = try TemporaryDatabase.path("erasure")
        let store = try SQLiteTelemetryStore(path: path)
        var spans: [SpanRecord] = []
        for index in 0..<200 {
            let trace = String(format: "%032x", index + 1)
            let user = index % 4 == 0 ? Self.user : "someone-\(index % 7)"
            var span = TelemetryStoreConformance.span(trace: trace, id: "0000000000000001", minute: Int64(index % 50), user: user)
            span.attributes["gen_ai.prompt"] = .string(user == Self.user ? Self.words : "what is the weather")
            span.sessionId = "session-\(user)"
            spans.append(span)
        }
        _ = try await store.writeAndFlush(SpanBatch(spans))
        try await store.flushAggregates()
        _ = try await store.writeScores([Score(
            id: "feedback", project: "acme", target: .session(sessionId: "session-\(Self.user)"), name: "user_satisfaction",
            value: .boolean(false), comment: Self.words, userId: Self.user, source: .userFeedback, timestampNanos: TelemetryStoreConformance.base
        )])
        try await store.checkpoint()
        let minute = TelemetryStoreConformance.base / TelemetryStoreConformance.minute
        let core = RollupQuery(grain: .core, fromMinute: minute, toMinute: minute + 60)
        let before = try await store.rollups(core).reduce(0) { $0 + $1.measures.count }
        #expect(Self.bytes(path).range(of: Data(Self.user.utf8)) != nil || Self.bytes(path + "-wal").range(of: Data(Self.user.utf8)) != nil)

        let erased = try await store.eraseUser(Self.user) { _ in AuditRecord(atNanos: 1, actor: "test", action: "user.erased", target: "user x") }
        #expect(erased.traces == 50 && erased.spans == 50 && erased.scores == 1)

        for file in [path, path + "-wal"] {
            let data = Self.bytes(file)
            #expect(data.range(of: Data(Self.user.utf8)) == nil, "\(file) still holds the user's id")
            #expect(data.range(of: Data(Self.words.utf8)) == nil, "\(file) still holds what the user wrote")
        }
        // The other users and the totals are untouched.
        #expect(try await store.rollups(core).reduce(0) { $0 + $1.measures.count } == before)
        #expect(try await store.traces(TraceQuery(fromNanos: 0, toNanos: .max, limit: 1_000)).count == 150)
        #expect(Self.bytes(path).range(of: Data("what is the weather".utf8)) != nil || Self.bytes(path + "-wal").range(of: Data("what is the weather".utf8)) != nil)
    }

    @Test func retentionGivesTheSpaceBackToTheFileSystem() async throws {
        let path = try TemporaryDatabase.path("reclaim")
        let store = try SQLiteTelemetryStore(path: path)
        var spans: [SpanRecord] = []
        for index in 0..<3_000 {
            var span = TelemetryStoreConformance.span(trace: String(format: "%032x", index + 1), id: "0000000000000001", minute: Int64(index % 60))
            span.attributes["gen_ai.prompt"] = .string(String(repeating: "padding ", count: 40))
            spans.append(span)
        }
        _ = try await store.writeAndFlush(SpanBatch(spans))
        try await store.flushAggregates()
        try await store.checkpoint()
        let full = Self.bytes(path).count
        var deleted = DeletedCounts()
        while true {
            let batch = try await store.deleteExpiredTraces(ExpiryRequest(projects: .allBut([]), beforeNanos: .max, limit: 500))
            if batch.traces == 0 { break }
            deleted += batch
        }
        #expect(deleted.traces == 3_000)
        #expect(try await store.reclaimSpace(maxBytes: .max) > 0)
        try await store.checkpoint()
        #expect(Self.bytes(path).count < full / 2)
    }
}

extension SQLiteErasureTests {
    /// A file written before the writer zeroed what it frees keeps deleted rows in its free space;
    /// compacting it leaves none of them.
    @Test func compactingRemovesWhatDeletedRowsLeftInFreeSpace() async throws {
        let path = try TemporaryDatabase.path("compact")
        do { _ = try SQLiteTelemetryStore(path: path) }
        let secret = "left-behind-\(UUID().uuidString)"
        // As an older version wrote: no zeroing of freed space.
        try await DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = OFF")
            try db.execute(sql: "CREATE TABLE scratch (text TEXT)")
            for _ in 0..<200 { try db.execute(sql: "INSERT INTO scratch VALUES (?)", arguments: [secret]) }
            try db.execute(sql: "DELETE FROM scratch")
            _ = try db.checkpoint(.truncate)
        }
        #expect(Self.bytes(path).range(of: Data(secret.utf8)) != nil)

        try await SQLiteTelemetryStore(path: path).compact()
        #expect(Self.bytes(path).range(of: Data(secret.utf8)) == nil)
        #expect(Self.bytes(path + "-wal").range(of: Data(secret.utf8)) == nil)
    }
}
