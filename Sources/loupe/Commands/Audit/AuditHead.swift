import ArgumentParser
import LoupeStore

struct AuditHead: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head", abstract: "Print the newest entry's SEQUENCE:HASH, to keep elsewhere as an anchor (checked before it is printed)."
    )

    @Option(help: "SQLite database file of the server, or its ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    func run() async throws {
        let result = try await StoreOpener.open(db).verifyAuditTrail()
        if let broken = result.broken {
            throw CommandFailure("the audit trail is broken at entry \(broken.sequence) (\(broken.reason)): there is no trustworthy head to anchor")
        }
        guard let head = result.head else { throw CommandFailure("the audit trail is empty: nothing to anchor yet") }
        print(head)
    }
}
