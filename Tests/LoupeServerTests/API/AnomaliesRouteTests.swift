import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import Testing

@Suite("Anomalies API on a live server")
struct AnomaliesRouteTests {
    /// Two hours of 12 gpt-4o-mini calls a minute over six users; in the last ten minutes one
    /// user's loop adds 40 gpt-4o calls a minute with long prompts.
    static func traffic() -> [RawSpan] {
        var spans: [RawSpan] = []
        let start = LiveServer.now - 7_200_000_000_000
        func call(user: String, model: String, minute: Int, input: Int64) {
            let n = spans.count
            let at = start + Int64(minute) * 60_000_000_000 + Int64(n % 50) * 1_000_000_000
            spans.append(RawSpan(
                traceId: String(format: "%032x", n + 1), spanId: String(format: "%016x", n + 1), name: "chat \(model)", kind: .client,
                startNanos: at, endNanos: at + 500_000_000, statusCode: .unset, statusMessage: nil,
                attributes: [
                    "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": .string(model),
                    "gen_ai.usage.input_tokens": .int(input), "gen_ai.usage.output_tokens": 50, "user.id": .string(user),
                ],
                resourceAttributes: ["service.name": "support", "loupe.project": "acme"]
            ))
        }
        for minute in 0..<120 {
            for i in 0..<12 { call(user: "u\(i % 6)", model: "gpt-4o-mini", minute: minute, input: 400) }
            if minute >= 110 { for _ in 0..<40 { call(user: "u-loop", model: "gpt-4o", minute: minute, input: 3_000) } }
        }
        return spans
    }

    @Test func aCostSpikeIsReportedWithItsSentenceAttributionAndSeries() async throws {
        let body = try LiveServer.protobuf(Self.traffic())
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, body).status == .ok)
            let (status, report) = try await LiveServer.json(client, "/api/v1/anomalies?metric=cost_usd,requests&lookback=1h&series=true")
            #expect(status == .ok)
            #expect(report["step_seconds"] as? Int == 60 && report["unit"] as? String == "requests")
            #expect(report["baseline"] as? String == "trailing")
            let anomalies = try #require(report["anomalies"] as? [[String: Any]])
            let cost = try #require(anomalies.first { $0["metric"] as? String == "cost_usd" })
            #expect(cost["direction"] as? String == "spike" && cost["ongoing"] as? Bool == true)
            #expect(cost["start"] as? String == "2026-11-27T11:50:00.000Z")
            let summary = try #require(cost["summary"] as? String)
            #expect(summary.hasPrefix("cost per minute ×") && summary.hasSuffix("of the increase in cost is user u-loop on gpt-4o"))
            let lead = try #require((cost["attribution"] as? [[String: Any]])?.first)
            #expect(lead["share"] as? Double ?? 0 > 0.95)
            let series = try #require(report["series"] as? [[String: Any]])
            #expect(series.count == 2)
            #expect((series.first?["points"] as? [[String: Any]])?.count == 60)
        }
    }

    @Test func badParametersAreRefusedWithTheirName() async throws {
        try await LiveServer.run { client, _ in
            for (uri, name) in [
                ("/api/v1/anomalies?metric=vibes", "metric"), ("/api/v1/anomalies?group_by=model,user", "group_by"),
                ("/api/v1/anomalies?lookback=90d", "lookback"), ("/api/v1/anomalies?step=90s", "step"),
                ("/api/v1/anomalies?series=maybe", "series"), ("/api/v1/anomalies?limit=0", "limit"),
            ] {
                let (status, body) = try await LiveServer.json(client, uri)
                #expect(status == .badRequest, "\(uri)")
                #expect((body["error"] as? [String: Any])?["parameter"] as? String == name, "\(uri): \(body)")
            }
        }
    }
}
