import ArgumentParser

/// `loupe experiments`: A/B experiments of models and prompts.
struct ExperimentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiments",
        abstract: "Compare the variants of A/B experiments: success, errors, latency, cost and scores, with their statistics.",
        discussion: """
            Requests join an experiment through their spans' attributes: loupe.experiment and
            loupe.experiment.variant (the Swift SDK's Span.recordExperiment), OpenTelemetry's feature_flag.key
            with feature_flag.result.variant (or feature_flag.variant), or experiment.name with experiment.variant.
            """,
        subcommands: [ExperimentsList.self, ExperimentsReport.self, ExperimentsCompare.self]
    )
}
