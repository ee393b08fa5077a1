import Foundation
import LoupeCore
import LoupeStore
import LoupeStoreSQLite
import Testing

/// Checkpoints copy the write-ahead log into the database file, off the writer's commits.
struct SQLiteCheckpointTests {
    @Test func aCheckpointPutsCommittedSpansInTheDatabaseFileItself() async throws {
        let path = try TemporaryDatabase.path("checkpoint")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let store = try SQLiteTelemetryStore(path: path)
        let span = TelemetryStoreConformance.span(id: "0000000000000001")
        _ = try await store.writeAndFlush([span])

        // Below the backstop, commits leave the spans in the log only: the file alone does not have them.
        let before = folder.appendingPathComponent("before.db").path
        try FileManager.default.copyItem(atPath: path, toPath: before)
        #expect(try await SQLiteTelemetryStore(path: before).spans(traceId: span.traceId).isEmpty)

        try await store.maintain()
        let after = folder.appendingPathComponent("after.db").path
        try FileManager.default.copyItem(atPath: path, toPath: after)
        let copy = try SQLiteTelemetryStore(path: after)
        #expect(try await copy.spans(traceId: span.traceId).map(\.spanId) == [span.spanId])
        let m0 = TelemetryStoreConformance.base / TelemetryStoreConformance.minute
        let rows = try await copy.rollups(RollupQuery(grain: .core, fromMinute: m0, toMinute: m0 + 1))
        #expect(rows.reduce(0) { $0 + $1.measures.count } == 1)
    }
}
