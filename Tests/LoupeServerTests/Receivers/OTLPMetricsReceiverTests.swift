import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import LoupeOTLP
import NIOCore
import SwiftProtobuf
import Testing

@Suite("OTLP/HTTP metrics on a live server")
struct OTLPMetricsReceiverTests {
    static let durationBounds = "[0.01,0.02,0.04,0.08,0.16,0.32,0.64,1.28,2.56,5.12,10.24,20.48,40.96,81.92]"
    static let tokenBounds = "[1,4,16,64,256,1024,4096,16384,65536,262144,1048576,4194304,16777216,67108864]"

    static func attributes(_ pairs: [(String, String)]) -> String {
        "[" + pairs.map { #"{"key":"\#($0.0)","value":{"stringValue":"\#($0.1)"}}"# }.joined(separator: ",") + "]"
    }

    static let call = [("gen_ai.operation.name", "chat"), ("gen_ai.provider.name", "openai"), ("gen_ai.request.model", "gpt-4o-mini")]

    /// One delta histogram point, a minute long, ending a minute before the server's now.
    static func point(
        _ attributes: [(String, String)], count: Int, sum: Double, buckets: [Int: Int], bounds: String = durationBounds, min: Double? = nil, max: Double? = nil
    ) -> String {
        let counts = (0..<15).map { String(buckets[$0] ?? 0) }.joined(separator: ",")
        let extremes = [min.map { #""min":\#($0)"# }, max.map { #""max":\#($0)"# }].compactMap { $0 }.map { "," + $0 }.joined()
        return """
            {"attributes":\(Self.attributes(attributes)),"startTimeUnixNano":"\(LiveServer.now - 120_000_000_000)",\
            "timeUnixNano":"\(LiveServer.now - 60_000_000_000)","count":"\(count)","sum":\(sum),"bucketCounts":[\(counts)],\
            "explicitBounds":\(bounds)\(extremes)}
            """
    }

    static func histogram(_ name: String, unit: String, _ points: [String]) -> String {
        #"{"name":"\#(name)","unit":"\#(unit)","histogram":{"aggregationTemporality":1,"dataPoints":[\#(points.joined(separator: ","))]}}"#
    }

    static func body(service: String, _ metrics: [String]) -> ByteBuffer {
        ByteBuffer(string: """
            {"resourceMetrics":[{"resource":{"attributes":\(attributes([("service.name", service)]))},
              "scopeMetrics":[{"scope":{"name":"opentelemetry.instrumentation.openai"},"metrics":[\(metrics.joined(separator: ","))]}]}]}
            """)
    }

    /// What an OpenAI instrumentation sends for four calls of 0.7 to 0.9 s and one rate-limited call:
    /// the duration histogram, and the input and output token histograms.
    static let fiveCalls = body(service: "metrics-bot", [
        histogram("gen_ai.client.operation.duration", unit: "s", [
            point(call, count: 4, sum: 3.2, buckets: [7: 4], min: 0.7, max: 0.9),
            point(call + [("error.type", "RateLimitError")], count: 1, sum: 0.05, buckets: [3: 1]),
        ]),
        histogram("gen_ai.client.token.usage", unit: "{token}", [
            point(call + [("gen_ai.token.type", "input")], count: 4, sum: 2_000, buckets: [6: 4], bounds: tokenBounds),
            point(call + [("gen_ai.token.type", "output")], count: 4, sum: 400, buckets: [5: 4], bounds: tokenBounds),
        ]),
        // Not a GenAI metric: accepted and left aside.
        #"{"name":"http.client.duration","unit":"ms","sum":{"aggregationTemporality":2,"isMonotonic":true,"dataPoints":[{"asInt":"3"}]}}"#,
    ])

    static func service(_ summary: [String: Any], _ name: String) -> [String: Any]? {
        (summary["groups"] as? [[String: Any]])?.first { ($0["key"] as? [String: String])?["service"] == name }
    }

    @Test func aServiceThatSendsOnlyMetricsAppearsInTheSummaryWithItsCallsTokensCostAndLatency() async throws {
        try await LiveServer.run { client, _ in
            let response = try await LiveServer.post(client, Self.fiveCalls, contentType: "application/json", path: "/v1/metrics")
            #expect(response.status == .ok)
            let answer = try OTLPExportMetricsServiceResponse(jsonUTF8Data: Data(response.body.readableBytesView))
            #expect(answer.partialSuccess.rejectedDataPoints == 0)

            let (status, summary) = try await LiveServer.json(client, "/api/v1/summary?group_by=service")
            #expect(status == .ok)
            let bot = try #require(Self.service(summary, "metrics-bot"))
            let calls = try #require(bot["calls"] as? [String: Any])
            #expect(calls["count"] as? Int == 5)
            #expect(calls["errors"] as? Int == 1)
            #expect(bot["input_tokens"] as? Int == 2_000)
            #expect(bot["output_tokens"] as? Int == 400)
            // gpt-4o-mini at $0.15 and $0.60 per million tokens.
            let cost = try #require(bot["cost_usd"] as? Double)
            #expect(abs(cost - (2_000 * 0.15 + 400 * 0.6) / 1_000_000) < 1e-12)
            // No span says where work started: the calls are calls, not requests.
            #expect((bot["requests"] as? [String: Any])?["count"] as? Int ?? 0 == 0)
            // Four calls between 0.7 and 0.9 s stand at the middle of that range (√(0.7 × 0.9) s).
            let latency = try #require(calls["latency_ms"] as? [String: Double])
            #expect(abs((latency["p50"] ?? 0) - 793.7) / 793.7 < 0.011)

            let (_, errors) = try await LiveServer.json(client, "/api/v1/summary?group_by=error_category")
            let categories = (errors["groups"] as? [[String: Any]] ?? []).compactMap { ($0["key"] as? [String: String])?["error_category"] }
            #expect(categories.contains("rate_limit"))
        }
    }

    @Test func protobufPointsAreReadAndInvalidOnesAreRejectedThroughPartialSuccess() async throws {
        var good = OTLPHistogramDataPoint()
        good.attributes = Self.call.map { key, value in
            var kv = OTLPKeyValue()
            kv.key = key
            kv.value.stringValue = value
            return kv
        }
        good.startTimeUnixNano = UInt64(LiveServer.now - 120_000_000_000)
        good.timeUnixNano = UInt64(LiveServer.now - 60_000_000_000)
        good.count = 2
        good.sum = 1.0
        good.explicitBounds = [0.5, 1]
        good.bucketCounts = [0, 2, 0]
        var uneven = good
        uneven.bucketCounts = [1, 0, 0]  // one value in the buckets, two in the count
        var backwards = good
        backwards.startTimeUnixNano = good.timeUnixNano + 1
        var metric = OTLPMetric()
        metric.name = "gen_ai.client.operation.duration"
        metric.unit = "s"
        metric.histogram.aggregationTemporality = .delta
        metric.histogram.dataPoints = [good, uneven, backwards]
        var request = OTLPExportMetricsServiceRequest()
        var resource = OTLPResourceMetrics()
        var service = OTLPKeyValue()
        service.key = "service.name"
        service.value.stringValue = "proto-bot"
        resource.resource.attributes = [service]
        var scope = OTLPScopeMetrics()
        scope.metrics = [metric]
        resource.scopeMetrics = [scope]
        request.resourceMetrics = [resource]
        let body = ByteBuffer(bytes: try request.serializedBytes() as [UInt8])

        try await LiveServer.run { client, _ in
            let response = try await LiveServer.post(client, body, path: "/v1/metrics")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/x-protobuf")
            let answer = try OTLPExportMetricsServiceResponse(serializedBytes: Data(response.body.readableBytesView))
            #expect(answer.partialSuccess.rejectedDataPoints == 2)
            #expect(answer.partialSuccess.errorMessage.contains("bucket counts do not add up"))
            #expect(answer.partialSuccess.errorMessage.contains("before its start time"))

            let (_, summary) = try await LiveServer.json(client, "/api/v1/summary?group_by=service")
            #expect((Self.service(summary, "proto-bot")?["calls"] as? [String: Any])?["count"] as? Int == 2)
            let (_, status) = try await LiveServer.json(client, "/api/v1/status")
            let ingest = status["ingest"] as? [String: Any]
            #expect(ingest?["data_points_stored"] as? Int == 1)
            #expect(ingest?["data_points_rejected"] as? Int == 2)
        }
    }

    @Test func theMetricsOfAServiceThatSendsSpansAreNotCountedAgain() async throws {
        let spans = ByteBuffer(string: """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"metrics-bot"}}]},
              "scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"chat","kind":3,
              "startTimeUnixNano":"\(LiveServer.now - 90_000_000_000)","endTimeUnixNano":"\(LiveServer.now - 89_000_000_000)",
              "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},
                {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o-mini"}},
                {"key":"gen_ai.usage.input_tokens","value":{"intValue":"10"}}]}]}]}]}
            """)
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, spans, contentType: "application/json").status == .ok)
            // The same service's metrics report the calls its spans report: left aside, not counted twice.
            #expect(try await LiveServer.post(client, Self.fiveCalls, contentType: "application/json", path: "/v1/metrics").status == .ok)
            let (_, summary) = try await LiveServer.json(client, "/api/v1/summary?group_by=service")
            let bot = try #require(Self.service(summary, "metrics-bot"))
            #expect((bot["calls"] as? [String: Any])?["count"] as? Int == 1)
            #expect(bot["input_tokens"] as? Int == 10)
            let (_, status) = try await LiveServer.json(client, "/api/v1/status")
            #expect((status["ingest"] as? [String: Any])?["data_points_stored"] as? Int == 0)
        }
    }

    @Test func anUnreadableBodyIsABadRequestThatNamesTheMessage() async throws {
        try await LiveServer.run { client, _ in
            let response = try await LiveServer.post(client, ByteBuffer(string: "{\"resourceMetrics\": 3}"), contentType: "application/json", path: "/v1/metrics")
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("ExportMetricsServiceRequest"))
            let get = try await client.execute(uri: "/v1/metrics", method: .get)
            #expect(get.status == .methodNotAllowed)
            #expect(String(buffer: get.body).contains("metrics are sent with POST"))
        }
    }
}
