import Foundation
import Testing

@testable import LoupeCore

@Suite("Redaction configuration and detectors")
struct RedactionConfigurationTests {
    @Test("default enables everything but UUIDs")
    func defaults() {
        #expect(RedactionConfiguration.default.enabled == Set(PIIDetector.allCases).subtracting([.uuid]))
        #expect(!RedactionConfiguration.default.isEnabled(.uuid))
        #expect(RedactionConfiguration.default.isEnabled(.email))
        #expect(RedactionConfiguration.off.enabled.isEmpty)
        #expect(RedactionConfiguration.all.enabled == Set(PIIDetector.allCases))
        #expect(RedactionConfiguration() == .default)
    }

    @Test("enabling and disabling")
    func switches() {
        let configuration = RedactionConfiguration.off.enabling(.email).enabling(.phone).disabling(.email)
        #expect(configuration.enabled == [.phone])
        let redactor = Redactor(configuration: .default.disabling(.ipv4))
        #expect(!redactor.configuration.isEnabled(.ipv4))
        #expect(redactor.configuration.isEnabled(.ipv6))
    }

    @Test("raw values and placeholders")
    func rawValuesAndPlaceholders() {
        #expect(
            PIIDetector.allCases.map(\.rawValue) == [
                "email", "phone", "card", "iban", "ssn", "ipv4", "ipv6", "secret", "uuid",
            ])
        #expect(PIIDetector.email.placeholder == "[EMAIL]")
        #expect(PIIDetector.ipv4.placeholder == "[IP]")
        #expect(PIIDetector.ipv6.placeholder == "[IP]")
        #expect(PIIDetector.secret.placeholder == "[SECRET]")
        #expect(PIIDetector.uuid.placeholder == "[UUID]")
        #expect(Set(PIIDetector.allCases.map(\.bit)).count == PIIDetector.allCases.count)
    }

    @Test("configuration and counts round-trip through JSON with raw values")
    func codable() throws {
        let configuration = RedactionConfiguration(enabled: [.email, .secret])
        let data = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(RedactionConfiguration.self, from: data) == configuration)

        let result = RedactionResult(text: "[EMAIL]", counts: [.email: 1])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(result), as: UTF8.self)
        #expect(json == #"{"counts":{"email":1},"text":"[EMAIL]"}"#)
        #expect(try JSONDecoder().decode(RedactionResult.self, from: Data(json.utf8)) == result)
    }
}
