import ArgumentParser
import Foundation
import LoupeCore

struct Redact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Redact standard input to standard output, as the server redacts content before storing it.",
        discussion: """
            Use it to check what your settings remove:
              echo 'mail jane@example.com, card 4111 1111 1111 1111' | loupe redact
              loupe redact --redact-off ipv4 --counts < transcript.txt
            """
    )

    @OptionGroup var redaction: RedactionOptions

    @Flag(help: "Print how many of each kind were found, on standard error, at the end.")
    var counts = false

    func run() throws {
        let redactor = Redactor(configuration: try redaction.configuration())
        var totals: [PIIDetector: Int] = [:]
        while let line = readLine(strippingNewline: false) {
            let result = redactor.redact(line)
            for (detector, count) in result.counts { totals[detector, default: 0] += count }
            FileHandle.standardOutput.write(Data(result.text.utf8))
        }
        if counts {
            let summary = PIIDetector.allCases.compactMap { d in totals[d].map { "\(d.rawValue): \($0)" } }.joined(separator: ", ")
            FileHandle.standardError.write(Data("redacted \(summary.isEmpty ? "nothing" : summary)\n".utf8))
        }
    }
}
