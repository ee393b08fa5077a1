import ArgumentParser

struct Errors: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Understand failures: classify messages, or report the failure modes stored.",
        subcommands: [ErrorsClassify.self, ErrorsReportCommand.self]
    )
}
