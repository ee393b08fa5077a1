import ArgumentParser
import Foundation
import LoupeStoreSQLite

struct Compact: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Rewrite the database file while no server runs on it: removes what deleted and erased rows left in free space, and gives freed space back.",
        discussion: "Files written by this version zero what they free as they go, so erasing a user leaves nothing behind. A file written by an earlier version may still hold copies of deleted rows in its free space: run this once after erasing a user from it. It needs as much free disk as the file."
    )

    @Option(help: "SQLite database file.")
    var db = "loupe.db"

    func run() async throws {
        let store = try StoreOpener.sqlite(db)
        let before = Self.size(db)
        do {
            try await store.claimIngest()
        } catch {
            throw CommandFailure("a server is running on \(db): stop it first, compacting rewrites the whole file")
        }
        print("Compacting \(db) (\(Self.mib(before)))…")
        let started = ContinuousClock.now
        try await store.compact()
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        print("Compacted in \(String(format: "%.1f", seconds)) s: \(Self.mib(before)) → \(Self.mib(Self.size(db))).")
    }

    static func size(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int64) ?? 0
    }

    static func mib(_ bytes: Int64) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
}
