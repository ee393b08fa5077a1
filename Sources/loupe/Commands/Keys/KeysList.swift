import ArgumentParser
import Foundation
import LoupeServer
import LoupeStore

struct KeysList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the API keys: ids, names, scopes, projects; never the keys.")

    @Option(help: "SQLite database file of the server, or its ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    @Flag(help: "Include revoked keys.")
    var all = false

    func run() async throws {
        let keys = try await AccessKeys(store: try await StoreOpener.open(db), now: LoupeApplication.wallClockNanos).list()
        let shown = all ? keys : keys.filter { !$0.isRevoked }
        guard !shown.isEmpty else {
            print(keys.isEmpty ? "No keys yet: `loupe serve` creates the first admin key when it starts." : "No active keys (--all lists revoked ones).")
            return
        }
        var rows = [["id", "name", "scope", "project", "created", "revoked"]]
        for key in shown {
            rows.append([
                key.id, key.name, key.scope.rawValue, key.project ?? "(all)", Self.time(key.createdNanos), key.revokedNanos.map(Self.time) ?? "",
            ])
        }
        print(TextTable.render(rows))
    }

    static func time(_ nanos: Int64) -> String {
        Date(timeIntervalSince1970: Double(nanos) / 1e9).formatted(.iso8601)
    }
}
