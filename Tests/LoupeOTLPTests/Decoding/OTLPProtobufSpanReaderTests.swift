import Foundation
import LoupeCore
import LoupeOTLP
import SwiftProtobuf
import Testing

/// The ingest path's protobuf reader against SwiftProtobuf's generated types, which are the reference.
struct OTLPProtobufSpanReaderTests {
    /// Every kind of value, odd enums, several resources and scopes, and spans of every rejection reason.
    static let json = """
        {"resourceSpans":[
          {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"rag"}},{"key":"n","value":{"intValue":"-7"}}]},
           "scopeSpans":[{"scope":{"name":"my.lib","version":"1"},"spans":[
            {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","parentSpanId":"eee19b7ec3c1b173",
             "name":"chat gpt-4o","kind":3,"startTimeUnixNano":"1544712660000000000","endTimeUnixNano":"1544712661000000000",
             "attributes":[{"key":"s","value":{"stringValue":"é \\" 🎉"}},{"key":"b","value":{"boolValue":true}},
               {"key":"i","value":{"intValue":"-9223372036854775808"}},{"key":"d","value":{"doubleValue":-0.25}},
               {"key":"raw","value":{"bytesValue":"AAEC/w=="}},{"key":"empty","value":{}},
               {"key":"list","value":{"arrayValue":{"values":[{"stringValue":"a"},{},{"arrayValue":{"values":[{"intValue":"1"}]}}]}}},
               {"key":"map","value":{"kvlistValue":{"values":[{"key":"k","value":{"kvlistValue":{"values":[{"key":"deep","value":{"boolValue":false}}]}}}]}}},
               {"key":"dup","value":{"stringValue":"first"}},{"key":"dup","value":{"stringValue":"last"}}],
             "events":[{"timeUnixNano":"1544712660500000000","name":"exception","attributes":[{"key":"exception.message","value":{"stringValue":"boom"}}]}],
             "status":{"code":2,"message":"boom"}},
            {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b175","name":"","kind":9,
             "startTimeUnixNano":"5","endTimeUnixNano":"5","status":{"code":7}},
            {"traceId":"5b8e","spanId":"eee19b7ec3c1b176","name":"short trace id","startTimeUnixNano":"1","endTimeUnixNano":"2"},
            {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"0000000000000000","name":"zero span id","startTimeUnixNano":"1","endTimeUnixNano":"2"},
            {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b177","name":"ends first","startTimeUnixNano":"3","endTimeUnixNano":"2"},
            {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b178","name":"no times"}
           ]},{"spans":[
            {"traceId":"00000000000000000000000000000001","spanId":"0000000000000001","parentSpanId":"0000000000000000",
             "name":"unscoped","startTimeUnixNano":"10","endTimeUnixNano":"20"}]}]},
          {"scopeSpans":[{"scope":{"name":"other"},"spans":[
            {"traceId":"00000000000000000000000000000002","spanId":"0000000000000002","name":"no resource",
             "startTimeUnixNano":"10","endTimeUnixNano":"20"}]}]}
        ]}
        """

    static func body() throws -> [UInt8] {
        try OTLPTraceDecoder.decode(json: Data(json.utf8)).serializedBytes()
    }

    /// Both readers on the same bytes: the spans and rejections they agree on, or nil when either refuses the body.
    static func both(_ bytes: [UInt8]) -> (reference: DecodedSpans?, reader: DecodedSpans?) {
        let reference = try? OTLPExportTraceServiceRequest(serializedBytes: bytes).decodedSpans()
        let reader = try? OTLPProtobufSpanReader.decodedSpans(Data(bytes))
        return (reference, reader)
    }

    static func same(_ a: DecodedSpans?, _ b: DecodedSpans?) -> Bool {
        a?.spans == b?.spans && a?.rejected == b?.rejected
    }

    @Test func readsWhatTheGeneratedTypesRead() throws {
        let (reference, reader) = Self.both(try Self.body())
        let decoded = try #require(reader)
        #expect(Self.same(reference, decoded))
        #expect(decoded.spans.count == 4)
        #expect(decoded.rejected == [.invalidTraceId: 1, .invalidSpanId: 1, .endsBeforeStart: 1, .missingTimestamps: 1])
        let first = try #require(decoded.spans.first)
        #expect(first.attributes["dup"] == "last")
        #expect(first.attributes["empty"] == "")
        #expect(first.attributes["raw"] == .bytes([0, 1, 2, 255]))
        #expect(first.resourceAttributes["n"] == .int(-7))
        #expect(decoded.spans[1].kind == .unspecified)
        #expect(decoded.spans[1].name == "(unnamed)")
        #expect(decoded.spans[2].scopeName == nil)
        #expect(decoded.spans[2].parentSpanId == nil)
        #expect(decoded.spans[3].resourceAttributes.isEmpty)
    }

    /// Span flags say when a parent is remote; both readers read them, and only when the SDK set the "has" bit.
    @Test func remoteParentsAreReadFromTheSpanFlags() throws {
        let json = """
            {"resourceSpans":[{"scopeSpans":[{"spans":[
              {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","parentSpanId":"eee19b7ec3c1b173",
               "flags":769,"name":"POST /answer","startTimeUnixNano":"10","endTimeUnixNano":"20"},
              {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b175","parentSpanId":"eee19b7ec3c1b174",
               "flags":256,"name":"local child","startTimeUnixNano":"10","endTimeUnixNano":"20"},
              {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b176","parentSpanId":"eee19b7ec3c1b174",
               "flags":512,"name":"is-remote without has-is-remote","startTimeUnixNano":"10","endTimeUnixNano":"20"}
            ]}]}]}
            """
        let (reference, reader) = Self.both(try OTLPTraceDecoder.decode(json: Data(json.utf8)).serializedBytes())
        let decoded = try #require(reader)
        #expect(Self.same(reference, decoded))
        #expect(decoded.spans.map(\.parentIsRemote) == [true, false, false])
    }

    /// Times past Int64.max would read as negative once stored; both readers reject them, with the reason.
    @Test(arguments: [("18446744073709551615", "18446744073709551615"), ("10", "9223372036854775808")])
    func timestampsBeyondSignedRangeAreRejected(start: String, end: String) throws {
        let json = """
            {"resourceSpans":[{"scopeSpans":[{"spans":[
              {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"x",
               "startTimeUnixNano":"\(start)","endTimeUnixNano":"\(end)"}]}]}]}
            """
        let (reference, reader) = Self.both(try OTLPTraceDecoder.decode(json: Data(json.utf8)).serializedBytes())
        #expect(Self.same(reference, reader))
        #expect(reader?.rejected == [.timestampOutOfRange: 1])
    }

    @Test func spansStartingFarInTheFutureAreRejected() {
        let now: Int64 = 1_800_000_000_000_000_000
        var decoded = DecodedSpans(spans: [
            RawSpan(traceId: "t", spanId: "a", name: "soon", startNanos: now + 3_600_000_000_000, endNanos: now + 3_601_000_000_000),
            RawSpan(traceId: "t", spanId: "b", name: "in 2046", startNanos: now + 20 * 31_536_000_000_000_000, endNanos: now + 20 * 31_536_000_000_000_000),
        ])
        decoded.rejectTimed(after: now + 86_400_000_000_000)
        #expect(decoded.spans.map(\.name) == ["soon"])
        #expect(decoded.rejected == [.startsInFuture: 1])
        #expect(decoded.rejectionMessage == "rejected 1 span: span starts more than a day in the future")
    }

    /// Cut anywhere, a body is either refused by both readers or read alike (a cut between fields is a valid shorter body).
    @Test func everyTruncationIsRefusedOrReadAlike() throws {
        let body = try Self.body()
        var refused = 0
        for length in 0..<body.count {
            let (reference, reader) = Self.both(Array(body[..<length]))
            #expect((reference == nil) == (reader == nil), "cut at \(length)")
            #expect(Self.same(reference, reader), "cut at \(length)")
            if reader == nil { refused += 1 }
        }
        #expect(refused > body.count / 2)
    }

    @Test func unknownFieldsAreSkipped() throws {
        // Field 100 as a varint, then as 2 length-delimited bytes, then as a fixed32 and a fixed64.
        let unknown: [UInt8] = [0xA0, 0x06, 0x05, 0xA2, 0x06, 0x02, 0x41, 0x42, 0xA5, 0x06, 1, 2, 3, 4, 0xA1, 0x06, 1, 2, 3, 4, 5, 6, 7, 8]
        let (reference, reader) = Self.both(unknown + (try Self.body()) + unknown)
        #expect(reader?.spans.count == 4)
        #expect(Self.same(reference, reader))
    }

    @Test func invalidUTF8IsRefused() throws {
        var body = try Self.body()
        let name = Array("chat gpt-4o".utf8)
        let at = try #require(body.indices.first { body[$0...].starts(with: name) })
        body[at] = 0xFF
        #expect(throws: OTLPDecodingError.self) { try OTLPProtobufSpanReader.decodedSpans(Data(body)) }
        #expect(Self.both(body).reference == nil)
    }

    @Test func valuesNestedBeyondTheLimitAreRefusedWithoutOverflowingTheStack() throws {
        var value = OTLPAnyValue()
        value.stringValue = "bottom"
        for _ in 0..<500 {
            var array = OTLPArrayValue()
            array.values = [value]
            value = OTLPAnyValue()
            value.arrayValue = array
        }
        var raw = try #require(try OTLPTraceDecoder.decode(json: Data(Self.json.utf8)).resourceSpans.first)
        var attribute = OTLPKeyValue()
        attribute.key = "deep"
        attribute.value = value
        raw.scopeSpans[0].spans[0].attributes.append(attribute)
        var request = OTLPExportTraceServiceRequest()
        request.resourceSpans = [raw]
        let body: [UInt8] = try request.serializedBytes()
        #expect(throws: OTLPDecodingError.self) { try OTLPProtobufSpanReader.decodedSpans(Data(body)) }
    }
}
