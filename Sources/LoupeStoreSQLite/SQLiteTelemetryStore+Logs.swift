import GRDB
import LoupeCore
import LoupeStore

extension SQLiteTelemetryStore {
    public func logs(traceIds: [String]) async throws -> [LogRecord] {
        guard !traceIds.isEmpty else { return [] }
        let ids = Array(Set(traceIds)).sorted()
        var records: [LogRecord] = []
        // SQLite binds at most 32,766 parameters; callers ask for a trace or a page of them.
        for start in stride(from: 0, to: ids.count, by: 1_000) {
            let chunk = Array(ids[start..<min(start + 1_000, ids.count)])
            let sql = """
                SELECT \(LogRecordTable.selectList) FROM log_records
                WHERE trace_id IN (\(chunk.map { _ in "?" }.joined(separator: ", "))) ORDER BY time_ns, id
                """
            records += try await pool.read { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(chunk)).map(LogRecordTable.record) }
        }
        return records.sorted { ($0.timeNanos, $0.id) < ($1.timeNanos, $1.id) }
    }
}
