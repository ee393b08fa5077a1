import ArgumentParser
import Foundation
import LoupeServer
import LoupeStore
import LoupeStoreSQLite

struct AuditExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the audit trail as JSON lines, one entry per line with its hashes; the export is itself audited."
    )

    @Option(help: "File to write; standard output when not given.")
    var output: String?

    @Option(help: "SQLite database file of the server, or its ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    func run() async throws {
        let store = try await StoreOpener.open(db)
        let handle: FileHandle
        if let output {
            // Readable by its owner only, like everything else Loupe writes about people.
            guard FileManager.default.createFile(atPath: output, contents: nil, attributes: [.posixPermissions: 0o600]),
                let file = FileHandle(forWritingAtPath: output)
            else { throw CommandFailure("cannot write \(output)") }
            handle = file
        } else {
            handle = .standardOutput
        }
        _ = try await store.appendAudit([AuditRecord(
            atNanos: LoupeApplication.wallClockNanos(), actor: "cli", action: "audit.exported", target: output ?? "standard output"
        )])
        let count = try await AuditExportLines.stream(store) { handle.write($0) }
        if let output {
            try handle.close()
            FileHandle.standardError.write(Data("Wrote \(count) audit entries to \(output).\n".utf8))
        }
    }
}
