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

    static func event(_ name: String?, body: AttributeValue, attributes: [String: AttributeValue] = [:]) -> LogRecord {
        LogRecord(id: "x", project: "p", service: "s", timeNanos: 1, eventName: name, body: body, attributes: attributes)
    }

    @Test func logRecordsAreRedactedLikeSpanContent() {
        let enricher = RedactionEnricher()
        var message = Self.event("gen_ai.user.message", body: .kvlist(["content": "I am jane.doe@example.com", "role": "user"]))
        enricher.enrich(&message)
        #expect(message.body == .kvlist(["content": "I am [EMAIL]", "role": "user"]))
        #expect(message.attributes["loupe.redacted.email"] == .int(1))
        // The newer event carries the messages as attributes, as the inference span does.
        var details = Self.event(
            "gen_ai.client.inference.operation.details", body: .string(""),
            attributes: ["gen_ai.input.messages": "card 4111 1111 1111 1111", "gen_ai.request.model": "gpt-4o"])
        enricher.enrich(&details)
        #expect(details.attributes["gen_ai.input.messages"]?.stringValue?.contains("4111") == false)
        #expect(details.attributes["gen_ai.request.model"] == "gpt-4o")
        // A plain log line in a trace may quote anything: its body is redacted too.
        var line = Self.event(nil, body: "retrying for +44 20 7946 0958", attributes: ["exception.message": "key AKIAIOSFODNN7EXAMPLE"])
        enricher.enrich(&line)
        #expect(line.body?.stringValue?.contains("7946") == false)
        #expect(line.attributes["exception.message"]?.stringValue?.contains("AKIA") == false)
    }

    @Test func withContentCaptureOffGenAIEventsKeepNoContent() {
        let enricher = RedactionEnricher(captureContent: false)
        var message = Self.event("gen_ai.choice", body: .kvlist(["message": .kvlist(["content": "hello"])]), attributes: ["gen_ai.output.messages": "hello"])
        enricher.enrich(&message)
        #expect(message.body == nil)
        #expect(message.attributes["gen_ai.output.messages"] == nil)
        var line = Self.event(nil, body: "cache miss")
        enricher.enrich(&line)
        #expect(line.body == "cache miss")
    }
}
