import ArgumentParser

struct Alerts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Alert rules: check a rules file, replay rules over history, and list, acknowledge, silence or resolve alerts on a running server.",
        discussion: """
            Rules live in a YAML or JSON file given to `loupe serve --alerts FILE`; the built-in rules
            (p95 latency, success rate, cost per query, error rate, token utilisation) stay on unless
            the file says `defaults: false`. `loupe alerts example` prints a commented file to start from.
            """,
        subcommands: [AlertsExample.self, AlertsCheck.self, AlertsBacktest.self, AlertsList.self, AlertsAct.self]
    )
}
