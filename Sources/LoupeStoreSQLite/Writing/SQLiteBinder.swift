import GRDB
import GRDBSQLite

/// Binds values straight onto a prepared statement through SQLite's C API.
///
/// GRDB's `StatementArguments` boxes every value in an existential and converts it again on
/// binding; for the 34 columns of every ingested span that was a fifth of the write cost. This
/// writer is used only for the span insert; everything else goes through GRDB as usual.
struct SQLiteBinder {
    /// SQLite must copy our buffers: they do not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    let statement: SQLiteStatement
    private var index: Int32 = 1

    init(_ statement: Statement) {
        self.statement = statement.sqliteStatement
    }

    mutating func bind(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(statement, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32(bytes.count), Self.transient)
        }
        index += 1
    }

    /// Binds a span's large text: packed (``ContentPacking``) when the batch packed it and that
    /// gained, as text otherwise.
    mutating func bind(_ text: String, packed: [UInt8]?) {
        guard let packed else { return bind(text) }
        packed.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(statement, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
        index += 1
    }

    mutating func bind(_ text: String?) {
        if let text { bind(text) } else { bindNull() }
    }

    mutating func bind(_ value: Int64?) {
        if let value { _ = sqlite3_bind_int64(statement, index, value); index += 1 } else { bindNull() }
    }

    mutating func bind(_ value: Int) {
        bind(Int64(value))
    }

    mutating func bind(_ value: Bool) {
        bind(Int64(value ? 1 : 0))
    }

    mutating func bind(_ value: Double?) {
        if let value { _ = sqlite3_bind_double(statement, index, value); index += 1 } else { bindNull() }
    }

    /// Runs the statement once with what is bound, then resets it for the next row.
    func step() throws {
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            let message = sqlite3_errmsg(sqlite3_db_handle(statement)).map { String(cString: $0) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
    }

    mutating func bindNull() {
        _ = sqlite3_bind_null(statement, index)
        index += 1
    }
}
