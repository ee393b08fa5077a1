import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import LoupeOTLP
import LoupeServer
import NIOCore
import SwiftProtobuf
import Testing

@Suite("OTLP/HTTP ingest on a live server")
struct OTLPTraceReceiverTests {
    func model(_ body: [String: Any], _ name: String) -> [String: Any]? {
        (body["groups"] as? [[String: Any]])?.first { ($0["key"] as? [String: String])?["model"] == name }
    }

    /// How many of `unit` the summary's totals count.
    func total(_ body: [String: Any], _ unit: String, _ field: String = "count") -> Int? {
        ((body["totals"] as? [String: Any])?[unit] as? [String: Any])?[field] as? Int
    }

    @Test func everyConventionLandsInOneSummaryAndTokensCountOnce() async throws {
        try await LiveServer.run { client, _ in
            let response = try await LiveServer.post(client, try LiveServer.protobuf(ConventionFixtures.all))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/x-protobuf")
            #expect(try OTLPTraceDecoder.rejectedSpans(inResponse: Array(buffer: response.body)) == 0)

            let (status, summary) = try await LiveServer.json(client, "/api/v1/summary?group_by=model")
            #expect(status == .ok)
            let totals = try #require(summary["totals"] as? [String: Any])
            // Five entry spans (four roots and a SERVER span), five model calls, seven spans.
            #expect(summary["unit"] as? String == "calls")
            #expect(total(summary, "requests") == 5)
            #expect(total(summary, "calls") == 5)
            #expect(total(summary, "spans") == 7)
            #expect(total(summary, "spans", "errors") == 1)
            #expect(total(summary, "calls", "errors") == 1)
            #expect(totals["input_tokens"] as? Int == 1_000)
            #expect(totals["output_tokens"] as? Int == 100)
            #expect(model(summary, "gpt-4o")?["input_tokens"] as? Int == 100)
            let gpt4o = model(summary, "gpt-4o")?["calls"] as? [String: Any]
            #expect(gpt4o?["count"] as? Int == 2)
            #expect(gpt4o?["error_rate"] as? Double == 0.5)
            #expect(model(summary, "gpt-4o-mini")?["input_tokens"] as? Int == 500)
            #expect(model(summary, "claude-3-5-haiku")?["output_tokens"] as? Int == 40)
            let latency = try #require((model(summary, "claude-3-5-haiku")?["calls"] as? [String: Any])?["latency_ms"] as? [String: Double])
            #expect(abs((latency["p50"] ?? 0) - 900) / 900 < 0.011)

            let (_, byProvider) = try await LiveServer.json(client, "/api/v1/summary?group_by=provider,operation")
            let keys = (byProvider["groups"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? [String: String] }
            #expect(keys.contains(["provider": "anthropic", "operation": "llm"]))
            // A view by provider counts calls: the Vercel outer span calls no model itself, so it has no row.
            #expect(byProvider["unit"] as? String == "calls")
            #expect(!keys.contains(["provider": "openai", "operation": "chain"]))
        }
    }

    @Test func theSameSpansSentTwiceAreStoredOnce() async throws {
        try await LiveServer.run { client, _ in
            let body = try LiveServer.protobuf(ConventionFixtures.all)
            #expect(try await LiveServer.post(client, body).status == .ok)
            #expect(try await LiveServer.post(client, body).status == .ok)
            let (_, summary) = try await LiveServer.json(client, "/api/v1/summary")
            #expect(total(summary, "spans") == 7)
            #expect(total(summary, "requests") == 5)
            #expect((summary["totals"] as? [String: Any])?["input_tokens"] as? Int == 1_000)
        }
    }

    @Test func acceptsGzippedOTLPJSONAndAnswersInJSON() async throws {
        let json = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"py"}}]},
              "scopeSpans":[{"spans":[{"traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"EEE19B7EC3C1B174",
              "name":"chat","kind":3,"startTimeUnixNano":"\(LiveServer.now - 60_000_000_000)","endTimeUnixNano":\(LiveServer.now - 59_000_000_000),
              "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},
                {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},
                {"key":"gen_ai.usage.input_tokens","value":{"intValue":"42"}}]}]}]}]}
            """
        try await LiveServer.run { client, _ in
            let body = try LiveServer.gzip(ByteBuffer(string: json))
            let response = try await LiveServer.post(client, body, contentType: "application/json; charset=utf-8", encoding: "gzip")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let (_, summary) = try await LiveServer.json(client, "/api/v1/summary?model=gpt-4o")
            #expect((summary["totals"] as? [String: Any])?["input_tokens"] as? Int == 42)
            let (status, trace) = try await LiveServer.json(client, "/api/v1/traces/5b8efff798038103d269b633813fc60c")
            #expect(status == .ok)
            #expect(trace["span_count"] as? Int == 1)
        }
    }

    @Test func invalidSpansAreReportedAsPartialSuccessWhileTheRestIsStored() async throws {
        var bad = ConventionFixtures.all[0]
        bad.spanId = "0000000000000000"
        let spans = [bad, ConventionFixtures.all[2]]
        try await LiveServer.run { client, _ in
            let response = try await LiveServer.post(client, try LiveServer.protobuf(spans))
            #expect(response.status == .ok)
            let answer = try OTLPExportTraceServiceResponse(serializedBytes: Array(buffer: response.body))
            #expect(answer.partialSuccess.rejectedSpans == 1)
            #expect(answer.partialSuccess.errorMessage.contains("span id"))
            let (_, summary) = try await LiveServer.json(client, "/api/v1/summary")
            #expect(total(summary, "spans") == 1)
        }
    }

    /// The server's own (injected) clock decides what is too far in the future.
    @Test func spansStartingADayAheadOfTheServerClockAreRejected() async throws {
        var ahead = ConventionFixtures.all[2]
        ahead.traceId = "70000000000000000000000000000007"
        ahead.startNanos = LiveServer.now + 2 * 86_400_000_000_000
        ahead.endNanos = ahead.startNanos + 1_000_000
        let body = try LiveServer.protobuf([ahead, ConventionFixtures.all[3]])
        try await LiveServer.run { client, _ in
            let response = try await LiveServer.post(client, body)
            #expect(response.status == .ok)
            let answer = try OTLPExportTraceServiceResponse(serializedBytes: Array(buffer: response.body))
            #expect(answer.partialSuccess.rejectedSpans == 1)
            #expect(answer.partialSuccess.errorMessage.contains("more than a day in the future"))
        }
    }

    @Test func badInputGetsAClearClientErrorAndChangesNothing() async throws {
        try await LiveServer.run({ $0.maxBodyBytes = 4_096 }) { client, _ in
            func expectFailure(_ response: TestResponse, _ status: HTTPResponse.Status, _ fragment: String) throws {
                #expect(response.status == status)
                let message: String
                if response.headers[.contentType] == "application/x-protobuf" {
                    message = try RPCStatus(serializedBytes: Array(buffer: response.body)).message
                } else {
                    message = String(buffer: response.body)
                }
                #expect(message.contains(fragment), "\(message)")
            }
            try expectFailure(try await LiveServer.post(client, ByteBuffer(bytes: [0x0A, 0xFF, 0xFF])), .badRequest, "not a valid OTLP protobuf")
            try expectFailure(try await LiveServer.post(client, ByteBuffer(string: "{oops"), contentType: "application/json"), .badRequest, "not valid OTLP JSON")
            try expectFailure(try await LiveServer.post(client, ByteBuffer(string: "x"), contentType: "text/plain"), .unsupportedMediaType, "application/x-protobuf")
            try expectFailure(try await LiveServer.post(client, ByteBuffer(string: "x"), encoding: "br"), .unsupportedMediaType, "Content-Encoding")
            try expectFailure(try await LiveServer.post(client, ByteBuffer(string: "not gzip"), encoding: "gzip"), .badRequest, "gzip")
            let big = try LiveServer.protobuf(Array(repeating: ConventionFixtures.all[1], count: 100))
            try expectFailure(try await LiveServer.post(client, big), .contentTooLarge, "larger than the limit")
            // A small gzip body that inflates past the limit is refused too.
            let bomb = try LiveServer.gzip(ByteBuffer(bytes: [UInt8](repeating: 0, count: 1 << 20)))
            try expectFailure(try await LiveServer.post(client, bomb, encoding: "gzip"), .contentTooLarge, "after decompression")
            let (_, summary) = try await LiveServer.json(client, "/api/v1/summary")
            #expect(total(summary, "spans") == 0)
        }
    }

    @Test func projectHeaderScopesSpans() async throws {
        try await LiveServer.run { client, _ in
            _ = try await LiveServer.post(client, try LiveServer.protobuf(ConventionFixtures.all), project: "team-b")
            let (_, summary) = try await LiveServer.json(client, "/api/v1/summary?project=team-b")
            #expect(total(summary, "spans") == 7)
        }
    }
}
