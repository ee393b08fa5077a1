import ArgumentParser
import LoupeServer

struct KeysRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke an API key: every request with it, and every dashboard session it opened, is refused from now on."
    )

    @Argument(help: "The key's id (lpk_…, as `loupe keys list` shows it).")
    var id: String

    @Option(help: "SQLite database file of the server, or its ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    func run() async throws {
        let keys = AccessKeys(store: try await StoreOpener.open(db), now: LoupeApplication.wallClockNanos)
        guard try await keys.revoke(id: id, actor: "cli") else {
            throw CommandFailure("no active key with the id \(id): see `loupe keys list --all`")
        }
        print("Revoked \(id).")
    }
}
