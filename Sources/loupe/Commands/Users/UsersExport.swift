import ArgumentParser
import Foundation
import LoupeServer

struct UsersExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write everything stored about one end user as JSON: their traces span by span, content included, and their scores."
    )

    @Argument(help: "The user's id.")
    var id: String

    @Option(help: "File to write; standard output when not given.")
    var output: String?

    @Option(help: "SQLite database file of the server, or its ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    func run() async throws {
        let json = try await UserRecordsOpener.open(db).export(id, actor: "cli")
        guard let output else {
            FileHandle.standardOutput.write(json + Data("\n".utf8))
            return
        }
        guard FileManager.default.createFile(atPath: output, contents: json, attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure("cannot write \(output)")
        }
        print("Wrote \(json.count) bytes about \(id) to \(output).")
    }
}
