import Foundation
import GRDB
@testable import LoupeStoreSQLite
import Testing

/// The in-memory joins' keys and labels, read from raw bytes as SQLite holds them.
struct RawReadingTests {
    static func key(_ text: String) -> TraceKey {
        Array(text.utf8).withUnsafeBytes { TraceKey(hex: $0) }
    }

    @Test func aTraceIdIsReadAsItsNumberWhateverTheCaseOfItsDigits() {
        let key = Self.key("0123456789abcdef" + "FEDCBA9876543210")
        #expect(key.high == 0x0123_4567_89ab_cdef && key.low == 0xfedc_ba98_7654_3210)
        #expect(Self.key("4bf92f3577b34da6a3ce929d0e0e4736") == Self.key("4BF92F3577B34DA6A3CE929D0E0E4736"))
        // Ids that differ in one digit anywhere differ.
        let id = Array("4bf92f3577b34da6a3ce929d0e0e4736")
        var keys = Set<TraceKey>([Self.key(String(id))])
        for position in id.indices {
            var changed = id
            changed[position] = changed[position] == "0" ? "1" : "0"
            keys.insert(Self.key(String(changed)))
        }
        #expect(keys.count == id.count + 1)
        // Not an id: still a key, apart from the ids.
        #expect(Self.key("not-a-trace-id") != Self.key("not-a-trace-ie"))
        #expect(Self.key("zz" + String(repeating: "0", count: 30)) != Self.key(String(repeating: "0", count: 32)))
    }

    @Test func labelsAreNumberedOnceEachWhateverTheirOrder() {
        var table = LabelTable()
        let rows = ["control", "concise-v2", "control", "", "concise-v2", "control", ""]
        let indexes = rows.map { row in Array(row.utf8).withUnsafeBytes { table.index(of: $0) } }
        #expect(indexes == [0, 1, 0, 2, 1, 0, 2])
        #expect(table.labels == ["control", "concise-v2", ""])
    }

    /// NULLs read as NULL, empty text, zero; numbers as text where text is asked for; and an error
    /// of the statement thrown, not swallowed.
    @Test func rawRowsReadNullsNumbersAndTextAsStored() throws {
        let db = try DatabaseQueue()
        try db.write { db in
            try db.execute(sql: """
                CREATE TABLE t (label TEXT, cost REAL, n INTEGER);
                INSERT INTO t VALUES ('control', 0.25, 3), (NULL, NULL, NULL), ('', 1.5, 42);
                """)
        }
        var rows: [String] = []
        try db.read { db in
            try RawRows.forEach(db, sql: "SELECT label, cost, n, n FROM t ORDER BY rowid", arguments: []) { row in
                let label = String(decoding: row.text(0), as: UTF8.self)
                let cost = row.isNull(1) ? "nil" : String(row.double(1))
                rows.append("\(row.isNull(0)) \(label)|\(cost)|\(row.int64(2))|\(String(decoding: row.text(3), as: UTF8.self))")
            }
        }
        #expect(rows == ["false control|0.25|3|3", "true |nil|0|", "false |1.5|42|42"])
        #expect(throws: DatabaseError.self) {
            try db.read { db in try RawRows.forEach(db, sql: "SELECT abs(-9223372036854775807 - 1)", arguments: []) { _ in } }
        }
    }
}
