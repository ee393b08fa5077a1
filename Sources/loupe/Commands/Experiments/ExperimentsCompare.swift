import ArgumentParser
import LoupeAnalytics
import LoupeStore

/// `loupe experiments compare --by model --service NAME`.
struct ExperimentsCompare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the models, prompt versions or business-dimension values a service's requests ran with, without an experiment.",
        discussion: """
            The same figures and tests as `experiments report`, over whatever ran: each request's model is its
            first generating call's (embeddings and reranking aside), its prompt version the first that its
            spans name (gen_ai.prompt.version, llm.prompt_template.version, traceloop.prompt.version,
            langfuse.prompt.version or prompt_engineering_version). The baseline is the arm with most requests.

            Requests were not assigned at random, so a difference may come from what was asked of each arm:
            the recommendation says so, and an experiment confirms it.

            Examples:
              loupe experiments compare --by model --service support-rag
              loupe experiments compare --by prompt_version --since 7d
              loupe experiments compare --by business_unit --dimensions business_unit,query_category
            """
    )

    @Option(help: "What to compare: model, prompt_version, or a business dimension.")
    var by: String

    @Option(help: "Only requests entering this service (recommended: models differ by what a service asks).")
    var service: String?

    @Option(help: "Business dimensions recorded at ingest, comma-separated.")
    var dimensions = "business_unit,query_category"

    @OptionGroup var store: StoreRangeOptions

    @Option(help: "The arm the others are compared with (default: the one with most requests).")
    var control: String?

    @Option(help: "The significance level.")
    var alpha = 0.05

    func run() async throws {
        guard ExperimentQuery.isValidAlpha(alpha) else { throw ValidationError("--alpha must be between 0 and 0.5") }
        let grouping: ArmGrouping
        do {
            grouping = try ExperimentQuery.grouping(parsing: by, dimensions: dimensions.split(separator: ",").map(String.init))
        } catch {
            throw ValidationError("--\(error.description)")
        }
        let query = ExperimentQuery.comparing(grouping, service: service, range: try store.range(), project: store.project, control: control, alpha: alpha)
        guard let report = try await TelemetryAnalytics(store: try await store.open()).experimentReport(query) else {
            throw CommandFailure("no request in the last \(store.since) records a \(by)\(service.map { " in service '\($0)'" } ?? "")")
        }
        print(ExperimentReportText.render(report, since: store.since))
    }
}
