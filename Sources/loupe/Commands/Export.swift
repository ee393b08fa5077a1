import ArgumentParser
import Foundation
import LoupeAlerts
import LoupeServer

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write Loupe's view for the Prometheus and Grafana world: a Grafana dashboard, or Prometheus alerting rules.",
        subcommands: [ExportGrafana.self, ExportPrometheusRules.self]
    )
}

struct ExportGrafana: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grafana",
        abstract: "Print a Grafana dashboard (JSON) over Loupe's /metrics; import it and pick your Prometheus data source."
    )

    @Option(help: "The dashboard's title.")
    var title = "Loupe: GenAI pipelines"

    func run() throws {
        print(String(decoding: try GrafanaDashboard.json(title: title), as: UTF8.self))
    }
}

struct ExportPrometheusRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prometheus-rules",
        abstract: "Print Prometheus alerting rules matching Loupe's alert rules (check them with `promtool check rules`).",
        discussion: "Without --rules, the built-in rules are exported. Rules Prometheus cannot express over /metrics are listed in a closing comment."
    )

    @Option(help: "The YAML or JSON rules file given to `loupe serve --alerts`.")
    var rules: String?

    @Option(help: "The evaluation interval the rules' `for` counts in.")
    var interval = "30s"

    func run() throws {
        let set = try rules.map(AlertsCheck.load) ?? AlertRuleSet()
        let seconds = try StoreOpener.seconds(interval, option: "--interval")
        print(PrometheusRuleExport.yaml(set.rules, intervalSeconds: seconds), terminator: "")
    }
}
