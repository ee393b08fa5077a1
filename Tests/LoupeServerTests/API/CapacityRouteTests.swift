import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeAnalytics
import LoupeCore
import LoupeServer
import Testing

@Suite("Capacity API on a live server")
struct CapacityRouteTests {
    @Test func eachLimitSaysItsBusiestMinuteAndWhetherItCanForecast() async throws {
        let attributes: [String: AttributeValue] = [
            "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o",
            "gen_ai.usage.input_tokens": 900, "gen_ai.usage.output_tokens": 100,
        ]
        // Five calls in one minute, ten minutes before "now".
        let spans = (0..<5).map { i in
            RawSpan(
                traceId: String(format: "%032x", i + 1), spanId: String(format: "%016x", i + 1), name: "chat", kind: .client,
                startNanos: LiveServer.now - 600_000_000_000 + Int64(i) * 1_000_000_000, endNanos: LiveServer.now - 599_000_000_000 + Int64(i) * 1_000_000_000,
                statusCode: .unset, statusMessage: nil, attributes: attributes, resourceAttributes: ["service.name": "chat"]
            )
        }
        let body = try LiveServer.protobuf(spans)
        try await LiveServer.run({ $0.rateLimits = [RateLimit(model: "gpt-4o", tokensPerMinute: 10_000, requestsPerMinute: 100)] }) { client, _ in
            #expect(try await LiveServer.post(client, body).status == .ok)
            let (status, report) = try await LiveServer.json(client, "/api/v1/capacity")
            #expect(status == .ok)
            let limits = try #require(report["limits"] as? [[String: Any]])
            #expect(limits.map { $0["limit"] as? String } == ["tpm", "rpm"])
            #expect(limits.map { $0["recent_peak"] as? Double } == [5_000, 5])
            #expect((limits.first?["summary"] as? String)?.hasSuffix("too little history to forecast") == true)
        }
    }
}
