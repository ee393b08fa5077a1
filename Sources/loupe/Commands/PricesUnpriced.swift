import ArgumentParser
import Foundation
import LoupeStore
import LoupeStoreSQLite

struct PricesUnpriced: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unpriced",
        abstract: "Models seen in stored calls that have no price, with their calls and tokens."
    )

    @Option(help: "SQLite database file.")
    var db = "loupe.db"

    @Option(help: "How far back to look: 1h, 24h, 7d…")
    var since = "7d"

    func run() async throws {
        let store = try await StoreOpener.open(db)
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        let models = try await store.unpricedModels(fromNanos: now - (try StoreOpener.seconds(since)) * 1_000_000_000, toNanos: now)
        guard !models.isEmpty else {
            print("Every model call in the last \(since) has a price.")
            return
        }
        var rows = [["provider", "model", "calls", "input tokens", "output tokens"]]
        rows += models.map { [$0.provider ?? "-", $0.model, "\($0.calls)", "\($0.inputTokens)", "\($0.outputTokens)"] }
        print(TextTable.render(rows))
        print("\nAdd these to a price file (loupe prices list --help) and run `loupe prices reprice`.")
    }
}
