import GRDB
import GRDBSQLite

/// Steps a statement through SQLite's C API and hands each row's columns as they are stored.
///
/// GRDB's `Row` cursor converts every value through `DatabaseValue` and hands text over as a
/// `String` or `Data`, an allocation per value. The in-memory joins of ``ExperimentArmReader``
/// read every request of a week (a hundred thousand rows and more), and those conversions were
/// most of their time; they alone read this way.
enum RawRows {
    static func forEach(_ db: Database, sql: String, arguments: StatementArguments, _ body: (RawRow) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        // The statement finalizes its handle when released: it must outlive every step.
        try withExtendedLifetime(statement) {
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code), message: sqlite3_errmsg(sqlite3_db_handle(handle)).map { String(cString: $0) }, sql: sql
                    )
                }
                try body(RawRow(handle: handle))
            }
        }
    }
}

/// The current row of a statement ``RawRows`` steps; valid only inside its call.
struct RawRow {
    let handle: SQLiteStatement

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// The column as text, in SQLite's own buffer (empty for NULL), valid until the next step.
    func text(_ column: Int32) -> UnsafeRawBufferPointer {
        // The pointer first, then its length: SQLite's documented order.
        guard let pointer = sqlite3_column_text(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
    }
}
