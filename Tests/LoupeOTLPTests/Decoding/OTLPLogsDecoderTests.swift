import Foundation
import LoupeCore
import LoupeOTLP
import Testing

struct OTLPLogsDecoderTests {
    /// What OpenLLMetry's OpenAI instrumentation sends on its events path (`use_attributes=False`),
    /// as the Python SDK's JSON encoding would: message events with the span's context, no severity.
    static let json = """
        {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"bot"}}]},
          "scopeLogs":[{"scope":{"name":"opentelemetry.instrumentation.openai.v1"},"logRecords":[
            {"timeUnixNano":"1795780800000000000","eventName":"gen_ai.user.message",
             "traceId":"26A68A7DA95BEF1FEA2193B104D5B5D8","spanId":"30616ef5af98a2b3",
             "body":{"kvlistValue":{"values":[{"key":"content","value":{"stringValue":"hi"}}]}},
             "attributes":[{"key":"gen_ai.provider.name","value":{"stringValue":"openai"}}]},
            {"observedTimeUnixNano":"1795780800000000001","severityNumber":9,"severityText":"INFO",
             "traceId":"26a68a7da95bef1fea2193b104d5b5d8","body":{"stringValue":"retrieved 4 documents"}},
            {"timeUnixNano":"1795780800000000002","body":{"stringValue":"a log outside any trace"}},
            {"timeUnixNano":"1795780800000000003","eventName":"gen_ai.evaluation.result",
             "attributes":[{"key":"gen_ai.evaluation.name","value":{"stringValue":"relevance"}}]},
            {"traceId":"26a68a7da95bef1fea2193b104d5b5d8","eventName":"gen_ai.choice"},
            {"timeUnixNano":"1795780800000000004","traceId":"26a68a7da95bef1f","eventName":"gen_ai.choice"}
          ]}]}]}
        """

    @Test func keepsGenAIEventsAndRecordsInATraceAndRejectsTheUnreadable() throws {
        let decoded = try OTLPLogsDecoder.decode(json: Data(Self.json.utf8)).decodedRecords()
        #expect(decoded.records.count == 3)
        let message = decoded.records[0].record
        #expect(message.eventName == "gen_ai.user.message")
        #expect(message.traceId == "26a68a7da95bef1fea2193b104d5b5d8")
        #expect(message.spanId == "30616ef5af98a2b3")
        #expect(message.body == .kvlist(["content": "hi"]))
        #expect(message.scopeName == "opentelemetry.instrumentation.openai.v1")
        #expect(decoded.records[0].resource["service.name"] == "bot")
        // A plain log in a trace is kept, timed by its observed time when it has no time of its own.
        let line = decoded.records[1].record
        #expect(line.eventName == nil && line.spanId == nil && line.severityNumber == 9 && line.timeNanos == 1_795_780_800_000_000_001)
        // A GenAI event outside any trace is kept; a plain log outside any trace is left aside.
        #expect(decoded.records[2].record.traceId == nil && decoded.records[2].record.eventName == "gen_ai.evaluation.result")
        #expect(decoded.rejected == [.missingTime: 1, .invalidTraceId: 1])
        #expect(decoded.rejectionMessage == "rejected 1 log record: trace id is not 16 bytes; 1 log record: neither time nor observed time is set")
    }

    @Test func aBodyThatIsNotOTLPNamesTheMessageItShouldHold() {
        #expect(throws: OTLPDecodingError.malformedJSON("the top level must be an object with \"resourceLogs\"", request: "ExportLogsServiceRequest")) {
            try OTLPLogsDecoder.decode(json: Data("[1]".utf8))
        }
        #expect(throws: OTLPDecodingError.self) { try OTLPLogsDecoder.decode(protobuf: Data([0x0A, 0xFF])) }
    }
}
