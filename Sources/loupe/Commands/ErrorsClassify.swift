import ArgumentParser
import Foundation
import LoupeCore

struct ErrorsClassify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify error messages read from standard input, one per line.",
        discussion: """
            Each line is a plain message, or a JSON object with any of "message", "status", "type", "code", \
            "provider", "exception" (the exception type) and "operation" (llm, embedding, retrieval, tool, agent…). Prints the category, the fingerprint that groups the failure mode, and what to do.
              echo 'Rate limit reached for gpt-4o' | loupe errors classify
              echo '{"status": 400, "message": "maximum context length is 8192"}' | loupe errors classify --json
            """
    )

    @Flag(help: "Print one JSON object per line instead of text.")
    var json = false

    @Option(help: "A JSON file of your own error rules, checked before the built-in ones.")
    var rules: String?

    private struct Input: Decodable {
        var message: String?
        var status: Int?
        var type: String?
        var code: String?
        var provider: String?
        var exception: String?
        var operation: String?
    }

    private struct Output: Encodable {
        var category: String
        var title: String
        var fingerprint: String
        var template: String
        var rule: String?
        var remediation: String
        var action: String
    }

    func run() throws {
        let classifier = try ErrorClassifierLoader.classifier(rulesPath: rules)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var lineNumber = 0
        while let line = readLine() {
            lineNumber += 1
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            var signal = ErrorSignal(message: text)
            if text.hasPrefix("{") {
                guard let input = try? JSONDecoder().decode(Input.self, from: Data(text.utf8)) else {
                    throw ValidationError("line \(lineNumber) starts with '{' but is not a JSON object with message/status/type/code/provider")
                }
                var operation: OperationKind?
                if let name = input.operation {
                    guard let kind = OperationKind(rawValue: name) else {
                        throw ValidationError("line \(lineNumber): unknown operation '\(name)'; use \(OperationKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    operation = kind
                }
                signal = ErrorSignal(
                    httpStatus: input.status, errorType: input.type, exceptionType: input.exception, message: input.message,
                    code: input.code, provider: input.provider.map(ProviderName.canonical), operation: operation)
            }
            let result = classifier.classify(signal)
            let output = Output(
                category: result.category.rawValue, title: result.category.title, fingerprint: result.fingerprint,
                template: result.template, rule: result.ruleId, remediation: result.category.remediation.summary,
                action: result.category.recommendedAction.rawValue
            )
            if json {
                print(String(decoding: try encoder.encode(output), as: UTF8.self))
            } else {
                print("\(output.category)\t\(output.fingerprint)\t\(output.action)\t\(output.remediation)")
            }
        }
    }
}
