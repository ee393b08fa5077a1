import ArgumentParser

struct Prices: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The price catalog: list it, find models without a price, recompute stored costs.",
        subcommands: [PricesList.self, PricesUnpriced.self, PricesReprice.self],
        defaultSubcommand: PricesList.self
    )
}
