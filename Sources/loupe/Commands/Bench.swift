import ArgumentParser

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Loupe's speed on this machine and print the figures.",
        subcommands: [IngestBench.self, QueryBench.self, PipelineBench.self, RedactBench.self, AnomalyBench.self, ForecastBench.self, RetentionBench.self]
    )
}
