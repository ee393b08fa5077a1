import ArgumentParser
import LoupeStore

struct AuditVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check every link of the audit trail; exits with status 1 and says where it breaks."
    )

    @Option(help: "A head printed earlier by `loupe audit head` (SEQUENCE:HASH) that the trail must still contain.")
    var anchor: String?

    @Option(help: "SQLite database file of the server, or its ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    func run() async throws {
        var expected: AuditAnchor?
        if let anchor {
            guard let parsed = AuditAnchor(anchor) else {
                throw ValidationError("--anchor '\(anchor)' is not SEQUENCE:HASH as `loupe audit head` prints it")
            }
            expected = parsed
        }
        let result = try await StoreOpener.open(db).verifyAuditTrail(anchor: expected)
        if let broken = result.broken {
            print("The audit trail is broken at entry \(broken.sequence): \(broken.reason).")
            print("\(result.checked) entries read; the entries before \(broken.sequence) check out.")
            throw ExitCode(1)
        }
        guard let head = result.head else {
            print(expected == nil ? "The audit trail is empty." : "The audit trail is empty, but the anchor says it held entries.")
            if expected != nil { throw ExitCode(1) }
            return
        }
        print("The audit trail is intact: \(result.checked) entries, every link checked\(expected.map { ", anchor \($0.sequence) matched" } ?? "").")
        print("Head: \(head)")
    }
}
