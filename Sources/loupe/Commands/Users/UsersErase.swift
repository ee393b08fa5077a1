import ArgumentParser
import LoupeServer
import LoupeStore

struct UsersErase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase one end user: their traces, spans, scores and per-user rollups, overwritten on disk; totals stay."
    )

    @Argument(help: "The user's id, as spans carry it (user.id, enduser.id…).")
    var id: String

    @Option(help: "SQLite database file of the server, or its ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    func run() async throws {
        // A running server keeps recent aggregates in memory and would write the user's back: the
        // erase must go through it then.
        do {
            try await StoreOpener.sqlite(db).claimIngest()
        } catch {
            throw CommandFailure("a server is running on \(db): erase through it, with DELETE /api/v1/users/{id} and an admin key")
        }
        let erased = try await UserRecordsOpener.open(db).erase(id, actor: "cli")
        let d = erased.deleted
        print("Erased \(d.traces) traces, \(d.spans) spans, \(d.scores) scores and \(d.rollupRows) rollup rows; the audit trail calls them \(erased.name).")
    }
}
