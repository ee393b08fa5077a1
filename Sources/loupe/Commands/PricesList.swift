import ArgumentParser
import Foundation
import LoupeCore

struct PricesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the catalog's prices per million tokens.")

    @OptionGroup var catalogOptions: PriceCatalogOptions

    @Option(help: "Only this provider (e.g. openai, anthropic, snowflake.cortex).")
    var provider: String?

    func run() throws {
        let catalog = try catalogOptions.catalog()
        var rows = [["provider", "model", "unit", "input/M", "output/M", "cached/M", "cache write/M", "context", "from"]]
        for p in catalog.entries where provider == nil || p.provider == provider {
            func money(_ v: Double?) -> String { v.map { String(format: "%g", $0) } ?? "-" }
            rows.append([
                p.provider, p.model, p.unit.rawValue, money(p.inputPerMillion), money(p.outputPerMillion),
                money(p.cachedInputPerMillion), money(p.cacheWritePerMillion), p.contextWindow.map(String.init) ?? "-", p.effectiveFrom,
            ])
        }
        print(TextTable.render(rows))
        print("\n\(catalog.modelCount) models; prices checked \(catalog.pricesCheckedOn ?? "(unknown)"). Credits convert at $\(catalogOptions.creditPriceUsd) each.")
    }
}
