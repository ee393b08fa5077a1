import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import LoupeDemo
import LoupeServer
import LoupeStoreSQLite
import Testing

@Suite("No personal data or secret from the demo's content reaches the database")
struct RedactionTests {
    /// Personal data and secrets the demo puts in prompts (see DemoTraceFactory.prompts).
    static let secrets = [
        "jane.doe@example.com", "4111 1111 1111 1111", "sk-proj-Xk29dLq81VbNm4ZtRw7yHs3PqLc2", "+44 20 7946 0958",
        "AKIAIOSFODNN7EXAMPLE",
    ]

    @Test func theSQLiteFileHoldsNoneOfTheDemosSecrets() async throws {
        let traces = DemoTrafficGenerator(failureRate: 0.2, seed: 3).traces(300, nowNanos: LiveServer.now)
        let body = try LiveServer.protobuf(traces.flatMap { $0 })
        try await LiveServer.run { client, store in
            let response = try await LiveServer.post(client, body)
            #expect(response.status == .ok)
            var bytes = Data()
            for suffix in ["", "-wal"] {
                if let data = FileManager.default.contents(atPath: store.path + suffix) { bytes.append(data) }
            }
            #expect(bytes.count > 100_000)
            for secret in Self.secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) reached the database")
            }
            // The content is still there, with placeholders where the data was.
            #expect(bytes.range(of: Data("[EMAIL]".utf8)) != nil)
            #expect(bytes.range(of: Data("[CARD]".utf8)) != nil)
            #expect(bytes.range(of: Data("[SECRET]".utf8)) != nil)
        }
    }

    @Test func withContentCaptureOffNoContentIsStoredAndCountsAreRecorded() async throws {
        let enricher = RedactionEnricher(captureContent: false)
        var span = SpanRecord(
            traceId: "t", spanId: "s", name: "chat", startNanos: 0, endNanos: 1, status: .error,
            errorMessage: "invalid key sk-ant-api03-Zx81kd9Qm2LpV7cR4tYb6NhW3sJ0fE5gU1aO8iK for jane@corp.example",
            attributes: ["gen_ai.input.messages": "hello", "llm.input_messages.0.message.content": "hi", "temperature": 0.1]
        )
        enricher.enrich(&span)
        #expect(span.attributes["gen_ai.input.messages"] == nil)
        #expect(span.attributes["llm.input_messages.0.message.content"] == nil)
        #expect(span.attributes["temperature"] == .double(0.1))
        #expect(span.errorMessage?.contains("jane@corp.example") == false)
        #expect(span.errorMessage?.contains("[EMAIL]") == true)
        #expect(span.attributes["loupe.redacted.email"] == .int(1))
        #expect(span.attributes["loupe.redacted.secret"] == .int(1))
    }

    @Test func userChosenAttributesAreRedactedToo() {
        let enricher = RedactionEnricher(extraKeys: ["customer.note"])
        var span = SpanRecord(traceId: "t", spanId: "s", name: "x", startNanos: 0, endNanos: 1,
                              attributes: ["customer.note": "call +1-202-555-0143", "other": "call +1-202-555-0143"])
        enricher.enrich(&span)
        #expect(span.attributes["customer.note"] == "call [PHONE]")
        #expect(span.attributes["other"] == "call +1-202-555-0143")
    }
}
