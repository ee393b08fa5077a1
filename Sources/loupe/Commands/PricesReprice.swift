import ArgumentParser
import Foundation
import LoupeStore
import LoupeStoreSQLite
import LoupeCore

struct PricesReprice: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprice",
        abstract: "Recompute stored costs with the current catalog (after adding prices or a price change).",
        discussion: "Spans, per-minute rollups and trace totals are corrected together in one transaction."
    )

    @OptionGroup var catalogOptions: PriceCatalogOptions

    @Option(help: "SQLite database file.")
    var db = "loupe.db"

    @Option(help: "How far back to reprice: 24h, 7d, 30d…")
    var since = "7d"

    func run() async throws {
        let store = try await StoreOpener.open(db)
        let pricer = SpanPricer(catalog: try catalogOptions.catalog(), calculator: catalogOptions.calculator)
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        let from = now - (try StoreOpener.seconds(since)) * 1_000_000_000
        print("Repricing model calls since \(since)…")
        let outcome = try await store.reprice(fromNanos: from, toNanos: now + 60_000_000_000) { pricer.cost(of: $0) }
        print("examined \(outcome.examined) calls, changed \(outcome.changed); cost \(String(format: "$%.4f", outcome.costBeforeUSD)) → \(String(format: "$%.4f", outcome.costAfterUSD)); \(outcome.unpriced) still unpriced")
    }
}
