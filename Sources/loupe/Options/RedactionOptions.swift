import ArgumentParser
import LoupeCore

/// Redaction switches shared by `loupe serve`, `loupe demo` and `loupe redact`, so users can check
/// their settings with the very configuration the server uses.
struct RedactionOptions: ParsableArguments {
    @Option(help: "Detectors to turn off, comma-separated (email, phone, card, iban, ssn, ipv4, ipv6, secret).")
    var redactOff: String?

    @Option(help: "Detectors to turn on that are off by default, comma-separated (uuid).")
    var redactOn: String?

    @Flag(help: "Do not store prompt, completion, tool or document content at all.")
    var noContent = false

    @Option(help: "Further span attributes to redact, comma-separated.")
    var redactAttributes: String?

    func configuration() throws -> RedactionConfiguration {
        var configuration = RedactionConfiguration.default
        for name in list(redactOff) { configuration = configuration.disabling(try detector(name, "--redact-off")) }
        for name in list(redactOn) { configuration = configuration.enabling(try detector(name, "--redact-on")) }
        return configuration
    }

    var extraKeys: Set<String> { Set(list(redactAttributes)) }

    private func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func detector(_ name: String, _ flag: String) throws -> PIIDetector {
        guard let detector = PIIDetector(rawValue: name) else {
            throw ValidationError("\(flag): unknown detector '\(name)'; use \(PIIDetector.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return detector
    }
}

import Foundation
