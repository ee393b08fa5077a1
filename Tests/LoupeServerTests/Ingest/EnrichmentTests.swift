import Foundation
import LoupeCore
import LoupeStoreSQLite
import Testing

@Suite("Cost and error enrichment at ingest, on a live server")
struct EnrichmentTests {
    @Test func costsMatchHandComputedPricesAndErrorsAreClassified() async throws {
        var history = ConventionFixtures.all[1]
        history.traceId = "50000000000000000000000000000005"
        history.spanId = "5000000000000001"
        history.parentSpanId = nil
        // 2024-06-01: before gpt-4o's price cut of 2024-08-06, so it is priced at $5 / $15.
        let shift = history.startNanos - 1_717_200_000_000_000_000
        history.startNanos -= shift
        history.endNanos -= shift
        var unknown = ConventionFixtures.all[2]
        unknown.traceId = "60000000000000000000000000000006"
        unknown.attributes["llm.model_name"] = "house-model-7b"
        let spans = ConventionFixtures.all + [history, unknown]
        let historyTrace = history.traceId
        try await LiveServer.run { client, store in
            _ = try await LiveServer.post(client, try LiveServer.protobuf(spans))
            let (_, summary) = try await LiveServer.json(client, "/api/v1/summary?group_by=model")
            let groups = try #require(summary["groups"] as? [[String: Any]])
            func cost(_ model: String) -> Double? {
                groups.first { ($0["key"] as? [String: String])?["model"] == model }?["cost_usd"] as? Double
            }
            // gpt-4o now: 100 × $2.50/M + 10 × $10/M = $0.00035.
            #expect(abs((cost("gpt-4o") ?? 0) - 0.00035) < 1e-12)
            // gpt-4o-mini: (200 + 300) × $0.15/M + (20 + 30) × $0.60/M = $0.000105; the Vercel outer span adds nothing.
            #expect(abs((cost("gpt-4o-mini") ?? 0) - 0.000105) < 1e-12)
            // claude-3-5-haiku: 400 × $0.80/M + 40 × $4/M = $0.00048.
            #expect(abs((cost("claude-3-5-haiku") ?? 0) - 0.00048) < 1e-12)
            let unpriced = groups.first { ($0["key"] as? [String: String])?["model"] == "house-model-7b" }
            #expect(unpriced?["unpriced_calls"] as? Int == 1)
            // Unknown, not $0: the key is there and null.
            #expect(unpriced?["cost_usd"] is NSNull)
            #expect(unpriced?["priced_calls"] as? Int == 0)

            let old = try await store.spans(traceId: historyTrace)
            // June 2024: 100 × $5/M + 10 × $15/M = $0.00065.
            #expect(abs((old.first?.costUSD ?? 0) - 0.00065) < 1e-12)

            let failed = try await store.spans(traceId: ConventionFixtures.traceloopTrace).first { $0.isError }
            #expect(failed?.errorCategory == "rate_limit")
            #expect(failed?.errorFingerprint?.count == 16)
            let (_, byCategory) = try await LiveServer.json(client, "/api/v1/summary?group_by=error_category&status=error")
            #expect((byCategory["groups"] as? [[String: Any]])?.first?["key"] as? [String: String] == ["error_category": "rate_limit"])
        }
    }
}
