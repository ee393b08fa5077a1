import GRDB

/// Gives `spans` a key that is never renumbered or reused: `seq INTEGER PRIMARY KEY AUTOINCREMENT`.
///
/// The aggregation watermark says "every span up to here is folded into the rollups". It rested on
/// the implicit rowid, which `VACUUM` may renumber and which SQLite reuses once the newest rows are
/// deleted (retention, erasure): a span stored after either could sit below the watermark, and a
/// crash would then leave it out of the rollups for good. Each span keeps its rowid as its `seq`,
/// so the watermark stays valid across the rebuild.
enum SpanSequenceMigration {
    static func run(in db: Database, progress: (@Sendable (String) -> Void)?) throws {
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM spans") ?? 0
        if total > 0 { progress?("Giving \(total) stored spans a stable sequence number…") }
        let columns = try db.columns(in: "spans")
        let definitions = columns.map { column in
            var definition = "\(column.name) \(column.type)"
            if column.isNotNull { definition += " NOT NULL" }
            if let value = column.defaultValueSQL { definition += " DEFAULT \(value)" }
            return definition
        }
        let names = columns.map(\.name).joined(separator: ", ")
        let indexes = try String.fetchAll(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'spans' AND sql IS NOT NULL")
        try db.execute(sql: """
            CREATE TABLE spans_sequenced (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                \(definitions.joined(separator: ",\n    "))
            );
            INSERT INTO spans_sequenced (seq, \(names)) SELECT rowid, \(names) FROM spans ORDER BY rowid;
            DROP TABLE spans;
            ALTER TABLE spans_sequenced RENAME TO spans;
            ALTER TABLE aggregation_state RENAME COLUMN aggregated_span_rowid TO aggregated_span_seq;
            """)
        for index in indexes { try db.execute(sql: index) }
        if total > 0 { progress?("Sequence numbers given.") }
    }
}
