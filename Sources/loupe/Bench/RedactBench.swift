import ArgumentParser
import Foundation
import LoupeCore

struct RedactBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "PII scan speed on one core: prompt-like prose with numbers, versions and some personal data."
    )

    @Option(help: "Megabytes of text to scan.")
    var megabytes = 50

    func run() throws {
        let texts = Self.corpus(bytes: megabytes << 20)
        let total = texts.reduce(0) { $0 + $1.utf8.count }
        let redactor = Redactor()
        var found = 0
        let start = ContinuousClock.now
        for text in texts { found += redactor.redact(text).totalCount }
        let seconds = (ContinuousClock.now - start).seconds
        BenchFormat.say(String(format: "redact: %.1f MB in %.2f s = %.0f MB/s on one core (%d items redacted)", Double(total) / 1e6, seconds, Double(total) / 1e6 / seconds, found))
    }

    /// Prompt-sized strings (about 4 KB) of support-chat prose; roughly one personal item per 600 bytes.
    static func corpus(bytes: Int) -> [String] {
        let prose = [
            "Hi team, the export job failed again after upgrading to version 2.14.3 on 2024-08-06 at 12:30:45.",
            "Order #88412 shipped in 3 boxes; the invoice total was $1,234.56 including VAT of 20%.",
            "We retried 5 times with exponential backoff and the p95 latency went from 850 ms to 2.4 s.",
            "Please summarise the attached contract for the sales team and list the renewal dates.",
            "The retrieval step returned 8 documents with scores between 0.71 and 0.93.",
        ]
        let personal = [
            "Contact me at jane.doe@example.com.", "My card 4111 1111 1111 1111 was charged twice.",
            "Call +44 20 7946 0958 tomorrow.", "Key sk-proj-Xk29dLq81VbNm4ZtRw7yHs3PqLc2 stopped working.",
            "The server at 10.20.30.40 timed out.",
        ]
        var random = SystemRandomNumberGenerator()
        var texts: [String] = []
        var size = 0
        while size < bytes {
            var text = ""
            while text.utf8.count < 4_096 {
                text += prose.randomElement(using: &random) ?? ""
                text += " "
                if Int.random(in: 0..<5, using: &random) == 0 { text += (personal.randomElement(using: &random) ?? "") + " " }
            }
            size += text.utf8.count
            texts.append(text)
        }
        return texts
    }
}
