import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import Testing

@Suite("Forecast API on a live server")
struct ForecastRouteTests {
    @Test func twoDaysOfHourlyCostAreForecastWithTheMethodAndBacktest() async throws {
        var spans: [RawSpan] = []
        // Four days of 3 to 9 gpt-4o-mini calls an hour, busiest at noon, ending at "now".
        for h in 0..<96 {
            let at = LiveServer.now - Int64(96 - h) * 3_600_000_000_000
            for i in 0..<(6 + Int((3 * sin(2 * Double.pi * Double(h % 24 - 6) / 24)).rounded())) {
                let n = spans.count + 1
                spans.append(RawSpan(
                    traceId: String(format: "%032x", n), spanId: String(format: "%016x", n), name: "chat", kind: .client,
                    startNanos: at + Int64(i) * 60_000_000_000, endNanos: at + Int64(i) * 60_000_000_000 + 400_000_000,
                    statusCode: .unset, statusMessage: nil,
                    attributes: [
                        "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o-mini",
                        "gen_ai.usage.input_tokens": 1_000, "gen_ai.usage.output_tokens": 100,
                    ],
                    resourceAttributes: ["service.name": "support", "loupe.project": "acme"]
                ))
            }
        }
        let body = try LiveServer.protobuf(spans)
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, body).status == .ok)
            let (status, report) = try await LiveServer.json(client, "/api/v1/forecast?metric=cost_usd&horizon=2d")
            #expect(status == .ok)
            #expect(report["step_seconds"] as? Int == 3_600 && report["from"] as? String == "2026-11-27T12:00:00.000Z")
            let total = try #require((report["series"] as? [[String: Any]])?.first)
            #expect((total["method"] as? String)?.hasPrefix("additive Holt-Winters, seasonal period 24 steps") == true)
            #expect((total["points"] as? [[String: Any]])?.count == 48)
            #expect(total["backtest_mape"] as? Double ?? 1 < 0.1 && total["backtest_steps"] as? Int == 24)
        }
    }

    @Test func badParametersAreRefusedWithTheirName() async throws {
        try await LiveServer.run { client, _ in
            for (uri, name) in [
                ("/api/v1/forecast?metric=vibes", "metric"), ("/api/v1/forecast?horizon=200d", "horizon"),
                ("/api/v1/forecast?step=5m", "step"), ("/api/v1/forecast?group_by=model,user", "group_by"),
                ("/api/v1/forecast?lookback=1h", "lookback"),
            ] {
                let (status, body) = try await LiveServer.json(client, uri)
                #expect(status == .badRequest, "\(uri)")
                #expect((body["error"] as? [String: Any])?["parameter"] as? String == name, "\(uri): \(body)")
            }
        }
    }
}
