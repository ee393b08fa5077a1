import Foundation
import Testing

@testable import LoupeCore

@Suite("Scanner robustness")
struct PIIScannerTests {
    /// Deterministic so a failure reproduces.
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let fragments = [
        "0", "1", "4", "9", "00", "44", "123", "4111", "555", "2671", "0958", "255", "a", "f", "x", "Z", "sk-", "AKIA",
        "eyJ", "ghp_", "GB82", "WEST", "Bearer ", "@", "+", "(", ")", ":", "::", ".", "-", "_", "/", " ", "  ", "\n",
        "=", "%", "'", "é", "🙂", "中", "example", ".com", "jane", "v", "1.2", "::1", "fe80", "-----BEGIN ",
        "PRIVATE KEY-----", "aws_secret_access_key", "jane@example.com", "4111 1111 1111 1111", "+44 20 7946 0958",
        "123-45-6789", "192.168.1.1", "2001:db8::1", "AKIAIOSFODNN7EXAMPLE", "GB82 WEST 1234 5698 7654 32",
        "550e8400-e29b-41d4-a716-446655440000", "aN87kR7beayPkxUqArEtmVQIDk3NNPBu", "password=", "\"api_key\": \"",
        "=", "?token=", "hunter2!", "\"",
    ]

    private static func placeholderCount(_ text: String) -> Int {
        Set(PIIDetector.allCases.map(\.placeholder)).reduce(0) {
            $0 + text.components(separatedBy: $1).count - 1
        }
    }

    /// Redacting twice may find a little more (a placeholder's brackets can turn glued text into
    /// separate words), but never undoes or breaks a placeholder.
    @Test("arbitrary input never crashes, counts match placeholders, and a second pass only adds")
    func fuzz() {
        var rng = SplitMix64(state: 7)
        let redactor = Redactor(configuration: .all)
        var redacted = 0
        var changedBySecondPass = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                text += Self.fragments.randomElement(using: &rng)!
            }
            let result = redactor.redact(text)
            let added = Self.placeholderCount(result.text) - Self.placeholderCount(text)
            #expect(added == result.totalCount, "\(text.debugDescription)")
            if result.didRedact {
                redacted += 1
            } else {
                #expect(result.text == text)
            }
            let again = redactor.redact(result.text)
            #expect(Self.placeholderCount(again.text) == Self.placeholderCount(result.text) + again.totalCount)
            if again.didRedact { changedBySecondPass += 1 }
        }
        print("pii fuzz: \(redacted)/3000 random inputs redacted, \(changedBySecondPass) changed by a second pass")
        #expect(redacted > 1000)
    }

    @Test("every byte value, alone and around PII")
    func everyByte() {
        let redactor = Redactor(configuration: .all)
        for value in 0..<128 {
            let b = String(UnicodeScalar(UInt8(value)))
            _ = redactor.redact(b)
            _ = redactor.redact(b + "jane@example.com" + b + "4111111111111111" + b + "10.0.0.1" + b)
        }
    }
}
