import Testing

@testable import LoupeCore

@Suite("High-entropy token heuristics")
struct SecretRecognizerTests {
    private func looksRandom(_ token: String) -> Bool {
        let bytes = Array(token.utf8)
        return bytes.withUnsafeBufferPointer {
            SecretRecognizer.looksRandom(ScanBuffer($0), 0..<$0.count)
        }
    }

    @Test(
        "random tokens",
        arguments: [
            "3yogiKsSOMaam74tXFAZwneVAdjMblBWwT9jsh1f", "aN87kR7beayPkxUqArEtmVQIDk3NNPBu",
            "fGXJmRVj16Y/ReewxZu6RHiGub9gmk2VI7GdFhyE7J9W", "8f3kz92mxq7wl0pd5vn4rt6yb1hs3cj8",
        ])
    func random(token: String) {
        #expect(looksRandom(token))
    }

    @Test(
        "identifiers, hashes and slugs",
        arguments: [
            "3f2a9c1d4e5b6a7980c1d2e3f4a5b6c7d8e9f0a1",  // git SHA: hex only
            "550e8400-e29b-41d4-a716-446655440000",  // UUID: hex only
            "test_redactor_handles_unicode_around_email_2024_v2",
            "how-to-configure-the-loupe-server-for-production-2024",
            "AbstractSingletonProxyFactoryBean2WithV3Adapter4",
            "llama3-70b-instruct-q4-k-m-gguf-v2-final-2024",
            "OPENAI_API_KEY_FOR_PRODUCTION_ENVIRONMENT_2024",
            "ThisIsAVeryLongCamelCaseIdentifierNameWithoutDigits",
        ])
    func notRandom(token: String) {
        #expect(!looksRandom(token))
    }
}
