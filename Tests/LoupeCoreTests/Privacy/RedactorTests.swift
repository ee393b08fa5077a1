import Foundation
import Testing

@testable import LoupeCore

@Suite("Redactor")
struct RedactorTests {
    private struct CorpusCase: Decodable {
        let text: String
        let expected: String
    }

    private static func loadCorpus() throws -> [CorpusCase] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/pii-corpus.jsonl")
        let contents = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        return try contents.split(separator: "\n").filter { !$0.isEmpty }.map {
            try decoder.decode(CorpusCase.self, from: Data($0.utf8))
        }
    }

    /// Placeholders in `text`, by placeholder string.
    private static func placeholderCounts(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for placeholder in Set(PIIDetector.allCases.map(\.placeholder)) {
            counts[placeholder] = text.components(separatedBy: placeholder).count - 1
        }
        return counts
    }

    @Test("labelled corpus: every case exact, no look-alike touched")
    func corpus() throws {
        let corpus = try Self.loadCorpus()
        let redactor = Redactor()
        let positives = corpus.filter { $0.text != $0.expected }
        let lookAlikes = corpus.filter { $0.text == $0.expected }
        #expect(positives.count >= 80)
        #expect(lookAlikes.count >= 60)

        var exact = 0
        var misses: [String] = []
        var expectedPlaceholders = 0
        var truePlaceholders = 0
        var producedPlaceholders = 0
        var expectedByPlaceholder: [String: Int] = [:]
        var foundByPlaceholder: [String: Int] = [:]
        for item in corpus {
            let result = redactor.redact(item.text)
            if result.text == item.expected {
                exact += 1
            } else {
                misses.append("  text:     \(item.text)\n  expected: \(item.expected)\n  got:      \(result.text)")
            }
            let expected = Self.placeholderCounts(item.expected)
            let produced = Self.placeholderCounts(result.text)
            for (placeholder, count) in expected {
                let found = min(count, produced[placeholder] ?? 0)
                expectedPlaceholders += count
                truePlaceholders += found
                expectedByPlaceholder[placeholder, default: 0] += count
                foundByPlaceholder[placeholder, default: 0] += found
            }
            producedPlaceholders += produced.values.reduce(0, +)
            #expect(result.totalCount == produced.values.reduce(0, +))
        }
        let untouched = lookAlikes.filter { redactor.redact($0.text).text == $0.text }.count
        print(
            """
            pii corpus: \(exact)/\(corpus.count) exact \
            (\(positives.count) with PII, \(untouched)/\(lookAlikes.count) look-alikes untouched); \
            placeholders: recall \(truePlaceholders)/\(expectedPlaceholders), \
            precision \(truePlaceholders)/\(producedPlaceholders)
            """)
        let perPlaceholder = expectedByPlaceholder.keys.sorted().filter { expectedByPlaceholder[$0] != 0 }.map {
            "\($0) \(foundByPlaceholder[$0] ?? 0)/\(expectedByPlaceholder[$0] ?? 0)"
        }
        print("pii corpus recall by placeholder: " + perPlaceholder.joined(separator: ", "))
        if !misses.isEmpty {
            print("pii corpus misses:\n" + misses.joined(separator: "\n"))
        }
        #expect(misses.isEmpty)
    }

    @Test("text without PII comes back as the same string, with no counts")
    func unchangedInput() {
        let text = "The quick brown fox jumps over the lazy dog, version 1.2.3, 42 tokens."
        let result = Redactor().redact(text)
        #expect(result.text == text)
        #expect(result.counts.isEmpty)
        #expect(!result.didRedact)
        #expect(result.totalCount == 0)
    }

    @Test("text without PII is returned without copying")
    func noCopy() {
        let text = String(repeating: "Nothing to see here, version 1.2.3 and 42 tokens. ", count: 20)
        let result = Redactor().redact(text)
        let original = text.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        let returned = result.text.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        #expect(original != nil)
        #expect(original == returned)
    }

    @Test("empty input")
    func emptyInput() {
        let result = Redactor().redact("")
        #expect(result.text == "")
        #expect(result.counts.isEmpty)
    }

    @Test("counts per detector")
    func countsPerDetector() {
        let result = Redactor().redact(
            "a@example.com b@example.com, +44 20 7946 0958, 4111 1111 1111 1111, 10.0.0.1 and 2001:db8::1")
        #expect(result.text == "[EMAIL] [EMAIL], [PHONE], [CARD], [IP] and [IP]")
        #expect(result.counts == [.email: 2, .phone: 1, .card: 1, .ipv4: 1, .ipv6: 1])
        #expect(result.count(of: .email) == 2)
        #expect(result.count(of: .ssn) == 0)
        #expect(result.totalCount == 6)
        #expect(result.didRedact)
    }

    @Test("the off configuration redacts nothing")
    func offConfiguration() {
        let text = "jane@example.com 4111 1111 1111 1111 123-45-6789 AKIAIOSFODNN7EXAMPLE"
        let result = Redactor(configuration: .off).redact(text)
        #expect(result.text == text)
        #expect(result.counts.isEmpty)
    }

    @Test(
        "a disabled detector leaves its PII alone, and nothing else claims it",
        arguments: [
            (PIIDetector.email, "mail jane@example.com now"),
            (.phone, "call +44 20 7946 0958 now"),
            (.phone, "call 020 7946 0958 now"),
            (.card, "card 4111 1111 1111 1111 now"),
            (.iban, "iban GB82 WEST 1234 5698 7654 32 now"),
            (.ssn, "ssn 123-45-6789 now"),
            (.ipv4, "from 192.168.1.10 now"),
            (.ipv6, "from 2001:db8::1 now"),
            (.secret, "key AKIAIOSFODNN7EXAMPLE now"),
            (.secret, "Authorization: Bearer abcdef0123456789abcdef0123456789 now"),
        ])
    func disabledDetector(detector: PIIDetector, text: String) {
        let redactor = Redactor(configuration: RedactionConfiguration.default.disabling(detector))
        let result = redactor.redact(text)
        #expect(result.text == text)
        #expect(result.counts.isEmpty)
        // ...while the default configuration does redact it.
        #expect(Redactor().redact(text).count(of: detector) == 1)
    }

    @Test("only the enabled detectors apply")
    func selectedDetectors() {
        let redactor = Redactor(configuration: RedactionConfiguration(enabled: [.email]))
        let result = redactor.redact("jane@example.com +44 20 7946 0958 10.0.0.1")
        #expect(result.text == "[EMAIL] +44 20 7946 0958 10.0.0.1")
        #expect(result.counts == [.email: 1])
    }

    @Test("UUIDs are left alone by default and redacted when switched on")
    func uuidDetector() {
        let text = "request 550e8400-e29b-41d4-a716-446655440000 and 550E8400-E29B-41D4-A716-446655440000"
        #expect(Redactor().redact(text).text == text)
        let enabled = Redactor(configuration: RedactionConfiguration.default.enabling(.uuid))
        let result = enabled.redact(text)
        #expect(result.text == "request [UUID] and [UUID]")
        #expect(result.counts == [.uuid: 2])
        #expect(Redactor(configuration: .all).redact(text).text == "request [UUID] and [UUID]")
    }

    @Test("unicode text around PII stays intact")
    func unicodeAroundPII() {
        let cases: [(String, String)] = [
            ("🙂jane@example.com🙂", "🙂[EMAIL]🙂"),
            ("Zoë’s card: 4111111111111111 — merci 🇫🇷", "Zoë’s card: [CARD] — merci 🇫🇷"),
            ("電話番号は+81 3-1234-5678です", "電話番号は[PHONE]です"),
            ("IP «192.168.0.1» über 🛰️", "IP «[IP]» über 🛰️"),
            ("naïve café 👩‍👩‍👧 123-45-6789 Ωmega", "naïve café 👩‍👩‍👧 [SSN] Ωmega"),
            ("e\u{301}crire à jose\u{301}@example.com", "e\u{301}crire à [EMAIL]"),
        ]
        let redactor = Redactor()
        for (text, expected) in cases {
            #expect(redactor.redact(text).text == expected)
        }
    }

    /// On Darwin this string is a lazily bridged `NSString` without contiguous UTF-8, which takes
    /// the copying path; on Linux it is native. Either way the result must be the same.
    @Test("strings that come from Foundation are redacted like native ones")
    func foundationString() {
        let bridged = NSString(string: "write to jane@example.com") as String
        let result = Redactor().redact(bridged)
        #expect(result.text == "write to [EMAIL]")
        #expect(result.counts == [.email: 1])
    }

    @Test("a long text with PII scattered through it")
    func longText() {
        let paragraph = String(repeating: "Lorem ipsum dolor sit amet, consectetur 2024 adipiscing elit. ", count: 200)
        let text = paragraph + "jane@example.com " + paragraph + "4111 1111 1111 1111 " + paragraph
        let result = Redactor().redact(text)
        #expect(result.counts == [.email: 1, .card: 1])
        #expect(result.text == paragraph + "[EMAIL] " + paragraph + "[CARD] " + paragraph)
    }

    @Test("placeholders that are already in the text are not counted again")
    func alreadyRedacted() {
        let text = "email [EMAIL], phone [PHONE], key [SECRET]"
        let result = Redactor().redact(text)
        #expect(result.text == text)
        #expect(result.counts.isEmpty)
    }
}
