/// One table of the store, and the statements that create it in each layout.
///
/// A table of the data is sharded across the cluster when there is one (`shardingKey`): by trace
/// for spans and what hangs off them (a trace's rows live together, so its summary is added up on
/// one shard), by id for scores, at random for rollup rows (they are added up on read). The other
/// tables (keys, audit trail, leases…) live on the first server, and, when the cluster is
/// replicated, on every server as replicas of one copy.
struct ClickHouseTable: Sendable {
    let name: String
    /// How rows spread over shards; nil for a table that is not sharded.
    let shardingKey: String?
    /// The column list, in parentheses.
    let columns: String
    /// The MergeTree family member (`ReplacingMergeTree`), without `Replicated`.
    let engine: String
    /// The engine's own arguments, such as a version column.
    var engineArguments: [String] = []
    /// `PARTITION BY …` and `ORDER BY …`.
    let keys: String

    func statements(_ layout: ClickHouseSchema.Layout) -> [ClickHouseSchema.Statement] {
        guard case .sharded(let cluster, let database, let replicated) = layout else {
            return [create(name, engine: engineClause(replicatedAt: nil), everyServer: shardingKey != nil)]
        }
        guard let shardingKey else {
            // Not sharded: one copy on the first server, or a replica of one copy on every server.
            let path = replicated ? "/clickhouse/tables/loupe_control/\(database)/\(name)" : nil
            return [create(name, engine: engineClause(replicatedAt: path), everyServer: replicated)]
        }
        let path = replicated ? "/clickhouse/tables/{shard}/\(database)/\(name)" : nil
        return [
            create(layout.local(name), engine: engineClause(replicatedAt: path), everyServer: true),
            ClickHouseSchema.Statement(
                sql: "CREATE TABLE IF NOT EXISTS \(name) AS \(name)_local ENGINE = Distributed(\(cluster), \(database), \(name)_local, \(shardingKey))",
                everyServer: true
            ),
        ]
    }

    private func create(_ table: String, engine: String, everyServer: Bool) -> ClickHouseSchema.Statement {
        ClickHouseSchema.Statement(sql: "CREATE TABLE IF NOT EXISTS \(table) \(columns) ENGINE = \(engine)", everyServer: everyServer)
    }

    /// The engine, keys and settings; replicated at a ZooKeeper path when `path` is given.
    ///
    /// A replicated table drops a block identical to one of the last hundred it took, unless told
    /// otherwise. Loupe's blocks repeat for real reasons (two span inserts can fold into the same
    /// rollup rows; a rebuilt minute is inserted again), and it deduplicates spans itself, so
    /// replicated tables keep every block (`replicated_deduplication_window = 0`), as unreplicated
    /// ones do.
    private func engineClause(replicatedAt path: String?) -> String {
        guard let path else {
            return engine + (engineArguments.isEmpty ? "" : "(\(engineArguments.joined(separator: ", ")))") + "\n" + keys
        }
        let arguments = [ClickHouseSQL.string(path), "'{replica}'"] + engineArguments
        return "Replicated\(engine)(\(arguments.joined(separator: ", ")))\n\(keys)\nSETTINGS replicated_deduplication_window = 0"
    }
}
