/// Creates the database and applies the migrations it has not recorded yet, on every server of a
/// sharded database where a statement says so.
///
/// Every statement is idempotent (`IF NOT EXISTS`), so two servers starting at once, or one
/// interrupted halfway through a migration, end with the same schema.
struct ClickHouseMigrator: Sendable {
    /// The first server, where migrations are recorded, then the others.
    let servers: [ClickHouseClient]
    let layout: ClickHouseSchema.Layout

    func migrate() async throws {
        let entry = servers[0]
        for server in servers {
            try await server.execute("CREATE DATABASE IF NOT EXISTS \(server.endpoint.database)", inDatabase: false)
        }
        try await entry.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (id String, applied_at DateTime DEFAULT now()) ENGINE = ReplacingMergeTree ORDER BY id"
        )
        let applied = Set(try await entry.select("SELECT DISTINCT id FROM schema_migrations").compactMap { $0.string("id") })
        for migration in ClickHouseSchema.migrations(layout) where !applied.contains(migration.id) {
            for statement in migration.statements {
                for server in statement.everyServer ? servers : [entry] { try await server.execute(statement.sql) }
            }
            try await entry.execute("INSERT INTO schema_migrations (id) VALUES (\(ClickHouseSQL.string(migration.id)))")
        }
        try await checkReplication()
    }

    /// A database keeps the engines it was created with: an address that says `replicated=true` for
    /// unreplicated tables (or the reverse) would promise copies, or a quorum, that are not there.
    private func checkReplication() async throws {
        guard case .sharded(_, let database, let replicated) = layout else { return }
        let engine = try await servers[0].select("""
            SELECT engine FROM system.tables WHERE database = \(ClickHouseSQL.string(database)) AND name = 'spans_local'
            """).first?.string("engine") ?? ""
        guard engine.hasPrefix("Replicated") != replicated else { return }
        throw ClickHouseStoreError.badAddress(
            servers[0].endpoint.description,
            reason: replicated
                ? "the database \(database) was created without replicas; replicated=true cannot apply to it (copy it with loupe migrate into a new database)"
                : "the database \(database) is replicated: add replicated=true to the address, so that Loupe writes to it as to replicas"
        )
    }
}
