/// Creates the database and applies the migrations it has not recorded yet.
///
/// Every statement is idempotent (`IF NOT EXISTS`), so two servers starting at once, or one
/// interrupted halfway through a migration, end with the same schema.
struct ClickHouseMigrator: Sendable {
    let client: ClickHouseClient

    func migrate() async throws {
        try await client.execute("CREATE DATABASE IF NOT EXISTS \(client.endpoint.database)", inDatabase: false)
        try await client.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (id String, applied_at DateTime DEFAULT now()) ENGINE = ReplacingMergeTree ORDER BY id"
        )
        let applied = Set(try await client.select("SELECT DISTINCT id FROM schema_migrations").compactMap { $0.string("id") })
        for migration in ClickHouseSchema.migrations where !applied.contains(migration.id) {
            for statement in migration.statements { try await client.execute(statement) }
            try await client.execute("INSERT INTO schema_migrations (id) VALUES (\(ClickHouseSQL.string(migration.id)))")
        }
    }
}
