import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import LoupeOTLP
import LoupeServer
import NIOCore
import SwiftProtobuf
import Testing

/// Malformed OTLP requests, each with the answer an exporter must get: a 4xx that says what is wrong
/// (exporters drop those for good), or a 200 whose `partial_success` names what was refused.
@Suite("Malformed OTLP requests get a clear answer and change nothing they should not")
struct MalformedRequestTests {
    enum Expected {
        /// Refused whole, with this status and a message containing the fragment.
        case refused(HTTPResponse.Status, String)
        /// Answered 200 with `rejected` spans refused for a reason containing the fragment, and `stored` spans kept.
        case partial(rejected: Int, String, stored: Int)
        /// Answered 200, all `stored` spans kept.
        case accepted(stored: Int)
    }

    struct Case: CustomStringConvertible, Sendable {
        var description: String
        var body: ByteBuffer
        var contentType: String? = "application/x-protobuf"
        var encoding: String?
        var method: HTTPRequest.Method = .post
        var expected: Expected
    }

    static let good = ConventionFixtures.all[1]

    /// A protobuf request of `good` (a second valid span appended when `withGood`), the first span changed by `change`.
    static func proto(withGood: Bool = true, _ change: (inout OTLPSpan) -> Void) -> ByteBuffer {
        var spans = [good]
        if withGood { spans.append(ConventionFixtures.all[2]) }
        var request = OTLPTraceEncoder.request(from: spans)
        change(&request.resourceSpans[0].scopeSpans[0].spans[0])
        return ByteBuffer(bytes: try! request.serializedBytes() as [UInt8])
    }

    /// An OTLP JSON request with one span whose fields are `fields` (JSON text, without braces).
    static func json(span fields: String) -> ByteBuffer {
        ByteBuffer(string: #"{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"s"}}]},"scopeSpans":[{"spans":[{"#
            + fields + "}]}]}]}")
    }

    static let validJSONSpan = #""traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"n","startTimeUnixNano":"1795780200000000000","endTimeUnixNano":"1795780201000000000""#

    static let cases: [Case] = {
        let start = UInt64(ConventionFixtures.base)
        var c: [Case] = [
            // Transport: media types, encodings, sizes, methods.
            Case(description: "no Content-Type", body: ByteBuffer(string: "x"), contentType: nil, expected: .refused(.unsupportedMediaType, "not supported")),
            Case(description: "text/plain", body: ByteBuffer(string: "x"), contentType: "text/plain", expected: .refused(.unsupportedMediaType, "application/x-protobuf")),
            Case(description: "application/xml", body: ByteBuffer(string: "<a/>"), contentType: "application/xml", expected: .refused(.unsupportedMediaType, "application/json")),
            Case(description: "Content-Encoding br", body: ByteBuffer(string: "x"), encoding: "br", expected: .refused(.unsupportedMediaType, "Content-Encoding")),
            Case(description: "Content-Encoding deflate", body: ByteBuffer(string: "x"), encoding: "deflate", expected: .refused(.unsupportedMediaType, "gzip")),
            Case(description: "gzip header on a plain body", body: ByteBuffer(string: "not gzip"), encoding: "gzip", expected: .refused(.badRequest, "not valid gzip")),
            Case(description: "truncated gzip", body: { var b = try! LiveServer.gzip(proto { _ in }); b.moveWriterIndex(to: b.writerIndex - 12); return b }(), encoding: "gzip", expected: .refused(.badRequest, "")),
            Case(description: "body over the limit", body: ByteBuffer(bytes: [UInt8](repeating: 0x0A, count: 70_000)), expected: .refused(.contentTooLarge, "larger than the limit")),
            Case(description: "gzip that inflates past the limit", body: try! LiveServer.gzip(ByteBuffer(bytes: [UInt8](repeating: 0, count: 1 << 20))), encoding: "gzip", expected: .refused(.contentTooLarge, "after decompression")),
            Case(description: "JSON sent as protobuf", body: json(span: validJSONSpan), expected: .refused(.badRequest, "protobuf")),
            Case(description: "protobuf sent as JSON", body: proto { _ in }, contentType: "application/json", expected: .refused(.badRequest, "JSON")),
            // Protobuf wire damage.
            Case(description: "a lone tag byte", body: ByteBuffer(bytes: [0x0A]), expected: .refused(.badRequest, "protobuf")),
            Case(description: "length past the end", body: ByteBuffer(bytes: [0x0A, 0xFF, 0xFF]), expected: .refused(.badRequest, "protobuf")),
            Case(description: "truncated varint", body: ByteBuffer(bytes: [0x0A, 0x80]), expected: .refused(.badRequest, "protobuf")),
            Case(description: "wrong wire type for resource_spans", body: ByteBuffer(bytes: [0x08, 0x01]), expected: .refused(.badRequest, "protobuf")),
            Case(description: "truncated valid request", body: { var b = proto { _ in }; b.moveWriterIndex(to: b.writerIndex - 5); return b }(), expected: .refused(.badRequest, "protobuf")),
            Case(description: "span name that is not UTF-8", body: { () -> ByteBuffer in
                // Span field 5 (name), length 2, bytes 0xC3 0x28: an invalid two-byte sequence.
                var span = OTLPSpan()
                span.traceID = Data(repeating: 1, count: 16); span.spanID = Data(repeating: 1, count: 8)
                span.startTimeUnixNano = start; span.endTimeUnixNano = start + 1
                var bytes: [UInt8] = try! span.serializedBytes()
                bytes += [0x2A, 0x02, 0xC3, 0x28]
                let scopeBytes: [UInt8] = [0x12] + varint(bytes.count) + bytes
                let resourceBytes: [UInt8] = [0x12] + varint(scopeBytes.count) + scopeBytes
                return ByteBuffer(bytes: [0x0A] + varint(resourceBytes.count) + resourceBytes)
            }(), expected: .refused(.badRequest, "UTF-8")),
            // Protobuf spans with values no span can have.
            Case(description: "empty request", body: ByteBuffer(), expected: .accepted(stored: 0)),
            Case(description: "unknown fields are ignored", body: proto { $0.unknownFields = UnknownStorage() }, expected: .accepted(stored: 2)),
            Case(description: "trace id of 8 bytes", body: proto { $0.traceID = Data(repeating: 7, count: 8) }, expected: .partial(rejected: 1, "trace id", stored: 1)),
            Case(description: "trace id of zeros", body: proto { $0.traceID = Data(repeating: 0, count: 16) }, expected: .partial(rejected: 1, "trace id", stored: 1)),
            Case(description: "missing trace id", body: proto { $0.traceID = Data() }, expected: .partial(rejected: 1, "trace id", stored: 1)),
            Case(description: "span id of 16 bytes", body: proto { $0.spanID = Data(repeating: 7, count: 16) }, expected: .partial(rejected: 1, "span id", stored: 1)),
            Case(description: "span id of zeros", body: proto { $0.spanID = Data(repeating: 0, count: 8) }, expected: .partial(rejected: 1, "span id", stored: 1)),
            Case(description: "parent span id of 3 bytes", body: proto { $0.parentSpanID = Data([1, 2, 3]) }, expected: .partial(rejected: 1, "parent", stored: 1)),
            Case(description: "no start time", body: proto { $0.startTimeUnixNano = 0 }, expected: .partial(rejected: 1, "time", stored: 1)),
            Case(description: "no end time", body: proto { $0.endTimeUnixNano = 0 }, expected: .partial(rejected: 1, "time", stored: 1)),
            Case(description: "end before start", body: proto { $0.endTimeUnixNano = $0.startTimeUnixNano - 1 }, expected: .partial(rejected: 1, "before", stored: 1)),
            Case(description: "start negative as signed 64-bit", body: proto { $0.startTimeUnixNano = UInt64(Int64.max) + 1; $0.endTimeUnixNano = UInt64.max }, expected: .partial(rejected: 1, "negative", stored: 1)),
            Case(description: "end negative as signed 64-bit", body: proto { $0.endTimeUnixNano = UInt64.max }, expected: .partial(rejected: 1, "negative", stored: 1)),
            Case(description: "start decades in the future", body: proto { $0.startTimeUnixNano = start + 40 * 365 * 86_400_000_000_000; $0.endTimeUnixNano = $0.startTimeUnixNano + 1 }, expected: .partial(rejected: 1, "future", stored: 1)),
            Case(description: "every span invalid", body: proto(withGood: false) { $0.spanID = Data() }, expected: .partial(rejected: 1, "span id", stored: 0)),
            Case(description: "unknown span kind is kept", body: proto { $0.kind = OTLPSpan.SpanKind(rawValue: 42)! }, expected: .accepted(stored: 2)),
            Case(description: "unknown status code is kept", body: proto { $0.status.code = OTLPStatus.StatusCode(rawValue: 9)! }, expected: .accepted(stored: 2)),
            Case(description: "the same span twice in one request", body: { () -> ByteBuffer in
                var request = OTLPTraceEncoder.request(from: [good, good])
                request.resourceSpans[0].scopeSpans[0].spans[1].name = "again"
                return ByteBuffer(bytes: try! request.serializedBytes() as [UInt8])
            }(), expected: .accepted(stored: 1)),
            // OTLP JSON.
            Case(description: "not JSON", body: ByteBuffer(string: "{oops"), contentType: "application/json", expected: .refused(.badRequest, "not valid OTLP JSON")),
            Case(description: "a JSON array", body: ByteBuffer(string: "[]"), contentType: "application/json", expected: .refused(.badRequest, "JSON")),
            Case(description: "resourceSpans not an array", body: ByteBuffer(string: #"{"resourceSpans":{}}"#), contentType: "application/json", expected: .refused(.badRequest, "JSON")),
            Case(description: "empty JSON object", body: ByteBuffer(string: "{}"), contentType: "application/json", expected: .accepted(stored: 0)),
            Case(description: "JSON with a charset", body: json(span: validJSONSpan), contentType: "application/json; charset=utf-8", expected: .accepted(stored: 1)),
            Case(description: "JSON trace id not hex", body: json(span: validJSONSpan.replacingOccurrences(of: "5b8efff798038103d269b633813fc60c", with: "zz8efff798038103d269b633813fc60c")), contentType: "application/json", expected: .partial(rejected: 1, "trace id", stored: 0)),
            Case(description: "JSON trace id too short", body: json(span: validJSONSpan.replacingOccurrences(of: "5b8efff798038103d269b633813fc60c", with: "5b8efff798038103")), contentType: "application/json", expected: .partial(rejected: 1, "trace id", stored: 0)),
            Case(description: "JSON time not a number", body: json(span: validJSONSpan.replacingOccurrences(of: "\"1795780200000000000\"", with: "\"soon\"")), contentType: "application/json", expected: .refused(.badRequest, "not a whole number")),
            Case(description: "JSON time past 64 bits", body: json(span: validJSONSpan.replacingOccurrences(of: "\"1795780200000000000\"", with: "\"99999999999999999999\"")), contentType: "application/json", expected: .refused(.badRequest, "out of range")),
            Case(description: "JSON time as a fraction", body: json(span: validJSONSpan.replacingOccurrences(of: "\"1795780200000000000\"", with: "1.5")), contentType: "application/json", expected: .refused(.badRequest, "not a whole number")),
            Case(description: "JSON attribute with no value", body: json(span: validJSONSpan + #","attributes":[{"key":"k"}]"#), contentType: "application/json", expected: .accepted(stored: 1)),
            Case(description: "JSON nested 500 levels deep", body: ByteBuffer(string: String(repeating: "[", count: 500) + String(repeating: "]", count: 500)), contentType: "application/json", expected: .refused(.badRequest, "JSON")),
        ]
        c.append(Case(description: "GET instead of POST", body: ByteBuffer(), method: .get, expected: .refused(.methodNotAllowed, "")))
        return c
    }()

    static func varint(_ value: Int) -> [UInt8] {
        var v = UInt64(value)
        var out: [UInt8] = []
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        return out + [UInt8(v)]
    }

    @Test func atLeastFortyCases() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func answer(_ item: Case) async throws {
        try await LiveServer.run({ $0.maxBodyBytes = 64 << 10 }) { client, _ in
            var headers: HTTPFields = [:]
            if let type = item.contentType { headers[.contentType] = type }
            if let encoding = item.encoding { headers[.contentEncoding] = encoding }
            let response = try await client.execute(uri: "/v1/traces", method: item.method, headers: headers, body: item.body)
            let (_, summary) = try await LiveServer.json(client, "/api/v1/summary")
            let stored = ((summary["totals"] as? [String: Any])?["spans"] as? [String: Any])?["count"] as? Int
            let text = Self.message(response)
            switch item.expected {
            case .refused(let status, let fragment):
                #expect(response.status == status, "\(item): \(text)")
                #expect(fragment.isEmpty || text.contains(fragment), "\(item): \(text)")
                #expect(stored == 0, "\(item)")
            case .partial(let rejected, let fragment, let kept):
                #expect(response.status == .ok, "\(item): \(text)")
                let answer = try? Self.partialSuccess(response)
                #expect(answer?.rejected == rejected, "\(item)")
                #expect(answer?.message.contains(fragment) == true, "\(item): \(answer?.message ?? "")")
                #expect(stored == kept, "\(item)")
            case .accepted(let kept):
                #expect(response.status == .ok, "\(item): \(text)")
                #expect((try? Self.partialSuccess(response))?.rejected ?? 0 == 0, "\(item)")
                #expect(stored == kept, "\(item)")
            }
        }
    }

    static func message(_ response: TestResponse) -> String {
        if response.headers[.contentType] == "application/x-protobuf",
           let status = try? RPCStatus(serializedBytes: Array(buffer: response.body)) {
            return status.message
        }
        return String(buffer: response.body)
    }

    static func partialSuccess(_ response: TestResponse) throws -> (rejected: Int, message: String) {
        if response.headers[.contentType] == "application/x-protobuf" {
            let answer = try OTLPExportTraceServiceResponse(serializedBytes: Array(buffer: response.body))
            return (Int(answer.partialSuccess.rejectedSpans), answer.partialSuccess.errorMessage)
        }
        let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
        let partial = object?["partialSuccess"] as? [String: Any]
        let rejected = (partial?["rejectedSpans"] as? String).flatMap(Int.init) ?? partial?["rejectedSpans"] as? Int ?? 0
        return (rejected, partial?["errorMessage"] as? String ?? "")
    }
}
