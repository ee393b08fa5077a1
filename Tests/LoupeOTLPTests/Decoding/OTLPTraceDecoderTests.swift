import Foundation
import LoupeCore
import LoupeOTLP
import Testing

struct OTLPTraceDecoderTests {
    /// The OTLP JSON mapping: hex ids (any case), int64 as strings or numbers, integer enums, unknown fields.
    static let json = """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"rag"}}],"entityRefs":[]},
          "scopeSpans":[{"scope":{"name":"my.lib"},"spans":[
            {"traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"EEE19B7EC3C1B174","parentSpanId":"eee19b7ec3c1b173",
             "name":"chat gpt-4o","kind":3,"startTimeUnixNano":"1544712660000000000","endTimeUnixNano":1544712661000000000,
             "attributes":[{"key":"gen_ai.usage.input_tokens","value":{"intValue":"10"}},
                           {"key":"gen_ai.usage.output_tokens","value":{"intValue":5}},
                           {"key":"gen_ai.request.temperature","value":{"doubleValue":0.5}},
                           {"key":"tags","value":{"arrayValue":{"values":[{"stringValue":"a"}]}}}],
             "status":{"code":2,"message":"boom"},"futureField":{"x":1}},
            {"traceId":"not-hex","spanId":"eee19b7ec3c1b175","name":"bad","startTimeUnixNano":"1","endTimeUnixNano":"2"}
          ]}]}]}
        """

    @Test func decodesOTLPJSON() throws {
        let request = try OTLPTraceDecoder.decode(json: Data(Self.json.utf8))
        let decoded = request.decodedSpans()
        #expect(decoded.spans.count == 1)
        #expect(decoded.rejected == [.invalidTraceId: 1])
        let span = try #require(decoded.spans.first)
        #expect(span.traceId == "5b8efff798038103d269b633813fc60c")
        #expect(span.spanId == "eee19b7ec3c1b174")
        #expect(span.parentSpanId == "eee19b7ec3c1b173")
        #expect(span.kind == .client)
        #expect(span.startNanos == 1_544_712_660_000_000_000)
        #expect(span.endNanos == 1_544_712_661_000_000_000)
        #expect(span.statusCode == .error)
        #expect(span.statusMessage == "boom")
        #expect(span.attributes["gen_ai.usage.input_tokens"] == .int(10))
        #expect(span.attributes["gen_ai.usage.output_tokens"] == .int(5))
        #expect(span.attributes["tags"] == .array(["a"]))
        #expect(span.resourceAttributes["service.name"] == "rag")
        #expect(span.scopeName == "my.lib")
        #expect(decoded.rejectionMessage == "rejected 1 span: trace id is not 16 bytes or is all zero")
    }

    @Test func protobufRoundTripsThroughTheEncoder() throws {
        let raw = RawSpan(
            traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", parentSpanId: "00f067aa0ba902b7",
            name: "retrieval", kind: .client, startNanos: 10, endNanos: 20, statusCode: .ok,
            attributes: ["k": "v", "n": 3, "f": 1.5, "b": true, "bytes": .bytes([1, 2]), "map": .kvlist(["x": "y"])],
            resourceAttributes: ["service.name": "svc"], scopeName: "scope",
            events: [SpanEvent(name: "exception", timeNanos: 15, attributes: ["exception.message": "m"])]
        )
        let bytes = try OTLPTraceEncoder.protobufBody(from: [raw])
        let decoded = try OTLPTraceDecoder.decode(protobuf: Data(bytes)).decodedSpans()
        #expect(decoded.spans == [raw])
    }

    @Test(arguments: [
        ("{\"resourceSpans\": 5}", "malformed"), ("[1,2]", "top level"), ("not json", "not JSON"),
    ])
    func rejectsMalformedJSON(body: String, fragment: String) {
        #expect(throws: OTLPDecodingError.self) { try OTLPTraceDecoder.decode(json: Data(body.utf8)) }
    }

    @Test func rejectsMalformedProtobuf() {
        #expect(throws: OTLPDecodingError.self) { try OTLPTraceDecoder.decode(protobuf: Data([0x0A, 0xFF, 0xFF, 0xFF])) }
    }

    @Test func rejectsSpansThatEndBeforeTheyStart() throws {
        var raw = RawSpan(traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", name: "x", startNanos: 20, endNanos: 10)
        let decoded = try OTLPTraceDecoder.decode(protobuf: Data(OTLPTraceEncoder.protobufBody(from: [raw]))).decodedSpans()
        #expect(decoded.rejected == [.endsBeforeStart: 1])
        raw.endNanos = 30
        raw.spanId = "0000000000000000"
        let zero = try OTLPTraceDecoder.decode(protobuf: Data(OTLPTraceEncoder.protobufBody(from: [raw]))).decodedSpans()
        #expect(zero.rejected == [.invalidSpanId: 1])
    }
}
