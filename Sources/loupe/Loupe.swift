import ArgumentParser

@main
struct Loupe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loupe",
        abstract: "Observability for GenAI pipelines: where the time goes, what it costs, what fails and why.",
        discussion: """
            Point any OpenTelemetry exporter at http://127.0.0.1:4318 (OTLP/HTTP, protobuf or JSON) or at
            127.0.0.1:4317 (OTLP/gRPC): traces, GenAI metrics and events. Then ask:
              loupe demo                 run the server with simulated pipeline traffic
              loupe serve                run the server alone
              loupe report --by model    summarise what is stored
              loupe status               how each service is doing in the last five minutes
              loupe anomalies            what left its usual range in the last day, and why
              loupe forecast             cost, tokens or requests ahead, with intervals
              loupe alerts list          the alerts a running server has raised
            """,
        subcommands: [Serve.self, Demo.self, Report.self, Status.self, Anomalies.self, ForecastCommand.self, BudgetsCommand.self, CapacityCommand.self, RecommendCommand.self, ExperimentsCommand.self, EngagementCommand.self, ComplexityCommand.self, QualityCommand.self, RetrievalCommand.self, RoiCommand.self, Errors.self, Alerts.self, KeysCommand.self, AuditCommand.self, UsersCommand.self, Compact.self, Migrate.self, Export.self, Prices.self, Redact.self, Bench.self]
    )
}
