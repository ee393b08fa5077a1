import Foundation
import GRDB
import LoupeCore
import LoupeStore
@testable import LoupeStoreSQLite
import Testing

/// Large attributes and events are stored deflated (``ContentPacking``), read back whole, and rows
/// written as text before packing existed still read.
struct PackedTextTests {
    typealias Fixture = TelemetryStoreConformance
    let path: String

    init() throws {
        path = try TemporaryDatabase.path("packed")
    }

    /// A span with prompt and completion content, as instrumentations with content capture send it.
    static func contentSpan(id: String) -> SpanRecord {
        var span = Fixture.span(id: id)
        let prose = String(repeating: "the customer asked about the refund policy for an order shipped last week; ", count: 12)
        span.attributes["gen_ai.input.messages"] = .string(#"[{"role":"user","parts":[{"type":"text","content":"\#(prose)"}]}]"#)
        span.attributes["gen_ai.output.messages"] = .string("a short answer")
        span.events = [SpanEvent(name: "gen_ai.choice", timeNanos: span.startNanos, attributes: ["content": .string(prose)])]
        return span
    }

    func storedColumns(_ id: String) throws -> (attributes: DatabaseValue, events: DatabaseValue, dimensions: DatabaseValue) {
        try DatabaseQueue(path: path).read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT attributes, events, dimensions FROM spans WHERE span_id = ?", arguments: [id]))
            return (row[0], row[1], row[2])
        }
    }

    /// Packed where the batch was built (as a server does, off the writer) or by the writer itself.
    @Test(arguments: [true, false])
    func contentIsStoredDeflatedAndReadBackWhole(packedByTheBatch: Bool) async throws {
        let store = try SQLiteTelemetryStore(path: path)
        #expect(store.packsContent)
        let span = Self.contentSpan(id: "0000000000000001")
        _ = try await store.writeAndFlush(SpanBatch([span], packingContent: packedByTheBatch))

        let stored = try storedColumns(span.spanId)
        let text = SpanText(span)
        guard case .blob(let attributes) = stored.attributes.storage, case .blob(let events) = stored.events.storage else {
            Issue.record("large attributes and events should be stored packed")
            return
        }
        #expect(attributes.count * 3 < text.attributes.utf8.count)
        #expect(events.count * 3 < text.events.utf8.count)
        #expect(String.fromDatabaseValue(stored.dimensions) == text.dimensions)  // small: kept as text

        let read = try #require(try await store.spans(traceId: span.traceId).first)
        #expect(read.attributes == span.attributes)
        #expect(read.events == span.events)
    }

    /// Stores a content-bearing span, changes its row with `sql` as another tool would, and reads it back.
    func readAfterAltering(_ sql: String, _ arguments: StatementArguments = []) async throws -> (written: SpanRecord, read: SpanRecord) {
        let store = try SQLiteTelemetryStore(path: path)
        let span = Self.contentSpan(id: "0000000000000001")
        _ = try await store.writeAndFlush([span])
        try await DatabaseQueue(path: path).write { db in try db.execute(sql: sql, arguments: arguments) }
        return (span, try #require(try await store.spans(traceId: span.traceId).first))
    }

    @Test func rowsWrittenAsTextBeforePackingStillRead() async throws {
        let text = SpanText(Self.contentSpan(id: "0000000000000001"))
        let (written, read) = try await readAfterAltering("UPDATE spans SET attributes = ?, events = ?", [text.attributes, text.events])
        #expect(read.attributes == written.attributes)
        #expect(read.events == written.events)
    }

    @Test func aDamagedValueReadsAsEmptyWithoutFailingTheRead() async throws {
        let (written, read) = try await readAfterAltering("UPDATE spans SET attributes = x'01deadbeef', events = x'07'")
        #expect(read.attributes.isEmpty)
        #expect(read.events.isEmpty)
        #expect(read.requestModel == written.requestModel)
    }
}
