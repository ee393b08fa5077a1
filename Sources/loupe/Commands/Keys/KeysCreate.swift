import ArgumentParser
import Foundation
import LoupeServer
import LoupeStore

struct KeysCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create an API key and print it, once.",
        discussion: "Examples: `loupe keys create --scope ingest --project shop --name checkout-service`, `loupe keys create --scope read --name ana`."
    )

    @Option(help: "What the key is for, to tell it apart (a service, a person).")
    var name: String

    @Option(help: "ingest, read or admin.")
    var scope: AccessScope

    @Option(help: "The project of an ingest key (everything sent with it is stored there), or of a read key that reads that project alone.")
    var project: String?

    @Option(help: "SQLite database file of the server, or its ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    func run() async throws {
        let store = try await StoreOpener.open(db)
        let keys = AccessKeys(store: store, now: LoupeApplication.wallClockNanos)
        let created: (key: AccessKey, text: String)
        do {
            created = try await keys.create(name: name, scope: scope, project: project, actor: "cli")
        } catch let error as AccessKeyError {
            throw ValidationError(error.description)
        }
        print(created.text)
        let reach = created.key.project.map { "project \($0)" } ?? "every project"
        FileHandle.standardError.write(Data("""
            Created \(scope.rawValue) key \(created.key.id) (\(created.key.name), \(reach)). It is shown this once: \
            Loupe keeps only its hash.\n
            """.utf8))
    }
}

extension AccessScope: ExpressibleByArgument {}
