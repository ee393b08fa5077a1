import LoupeCore
import Testing

/// What recommendations read from a span, in each convention's own shape.
struct RequestSettingsTests {
    static func span(_ attributes: [String: AttributeValue], events: [SpanEvent] = [], finish: String? = nil) -> SpanRecord {
        SpanRecord(traceId: "t", spanId: "s", name: "x", operation: .llm, startNanos: 0, endNanos: 1, finishReason: finish, attributes: attributes, events: events)
    }

    @Test func maxTokensIsReadFromEveryConvention() {
        #expect(Self.span(["gen_ai.request.max_tokens": 512]).requestedMaxTokens == 512)
        #expect(Self.span(["ai.settings.maxOutputTokens": 256]).requestedMaxTokens == 256)
        // OpenInference: the request's keyword arguments as JSON.
        #expect(Self.span(["llm.invocation_parameters": #"{"model":"gpt-4o","max_completion_tokens":1024}"#]).requestedMaxTokens == 1_024)
        #expect(Self.span(["llm.invocation_parameters": "not json"]).requestedMaxTokens == nil)
        #expect(Self.span([:]).requestedMaxTokens == nil)
    }

    @Test func aTokenLimitStopIsReadInEachProvidersWords() {
        #expect(Self.span([:], finish: "length").stoppedAtTokenLimit)
        #expect(Self.span([:], finish: "max_tokens").stoppedAtTokenLimit)
        #expect(Self.span([:], finish: "MAX_TOKENS").stoppedAtTokenLimit)
        #expect(!Self.span([:], finish: "stop").stoppedAtTokenLimit && !Self.span([:]).stoppedAtTokenLimit)
    }

    @Test func retrievalScoresComeFromOTelOpenInferenceAndOpenLLMetry() {
        let otel = Self.span(["gen_ai.retrieval.documents": .array([.kvlist(["id": "a", "score": 0.9]), .kvlist(["id": "b", "score": 0.2])])])
        #expect(otel.retrievalScores.sorted() == [0.2, 0.9])
        let json = Self.span(["gen_ai.retrieval.documents": #"[{"id":"a","score":0.5}]"#])
        #expect(json.retrievalScores == [0.5])
        let openInference = Self.span(["retrieval.documents.0.document.score": 0.7, "retrieval.documents.0.document.id": "a"])
        #expect(openInference.retrievalScores == [0.7])
        let openLLMetry = Self.span([:], events: [SpanEvent(name: "db.query.result", timeNanos: 0, attributes: ["db.query.result.score": 0.4])])
        #expect(openLLMetry.retrievalScores == [0.4])
    }

    @Test func thePromptReadsInMessageOrderWhateverTheConvention() {
        var flattened: [String: AttributeValue] = [:]
        for i in 0..<12 { flattened["gen_ai.prompt.\(i).content"] = .string("m\(i)") }
        let text = Self.span(flattened).promptText
        #expect(text == (0..<12).map { "m\($0)" }.joined(separator: "\n"))
        #expect(Self.span(["input.value": "hello"]).promptText == "hello")
        let events = [SpanEvent(name: "gen_ai.user.message", timeNanos: 0, attributes: ["content": "hi"])]
        #expect(Self.span([:], events: events).promptText == "hi")
        #expect(Self.span(["output.value": "an answer"]).promptText == nil)
    }
}
