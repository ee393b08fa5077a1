import ArgumentParser
import Foundation
import LoupeCore

/// The built-in catalog merged with the user's files, with clear errors for unreadable ones.
struct PriceCatalogOptions: ParsableArguments {
    @Option(help: "A price file in Loupe's format whose entries add to or replace the built-in ones.")
    var prices: String?

    @Option(help: "A LiteLLM model_prices_and_context_window.json to import (the Loupe file, if given, still wins).")
    var litellmPrices: String?

    @Option(help: "US dollars per Snowflake Cortex credit, to price Cortex calls.")
    var creditPriceUsd = 3.0

    func validate() throws {
        guard creditPriceUsd >= 0, creditPriceUsd.isFinite else { throw ValidationError("--credit-price-usd must be a positive number") }
    }

    func catalog() throws -> PriceCatalog {
        var catalog = try PriceCatalog.builtIn()
        if let path = litellmPrices {
            catalog = catalog.merging(overrides: try load(path, "--litellm-prices") { try PriceCatalog(liteLLMJSON: $0) })
        }
        if let path = prices {
            catalog = catalog.merging(overrides: try load(path, "--prices") { try PriceCatalog(jsonData: $0) })
        }
        return catalog
    }

    var calculator: CostCalculator { CostCalculator(creditPriceUSD: creditPriceUsd) }

    private func load(_ path: String, _ flag: String, _ parse: (Data) throws -> PriceCatalog) throws -> PriceCatalog {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(flag): cannot read \(path)") }
        do {
            return try parse(data)
        } catch {
            throw ValidationError("\(flag) \(path): \(error)")
        }
    }
}
