import ArgumentParser

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, list and revoke API keys, in the database on this machine.",
        discussion: """
            Scopes: `ingest` sends OTLP and scores into one project (the key decides the project); `read`
            reads the API and opens the dashboard (with --project, only the routes and pages that filter
            by project, for that project); `admin` does everything, including keys, budgets, rules, retention,
            erasure and the audit trail. Exporters send a key as `Authorization: Bearer <key>` or `x-loupe-api-key`,
            e.g. OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer%20lpk_…". Keys are stored only as a
            SHA-256 hash: a lost key cannot be shown again; revoke it and create another. Every change
            is written to the audit trail as done by `cli`.
            """,
        subcommands: [KeysCreate.self, KeysList.self, KeysRevoke.self]
    )
}
