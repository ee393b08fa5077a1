import Foundation
import HTTPTypes
import LoupeCore
import Testing

@Suite("Errors API on a live server")
struct ErrorsRouteTests {
    @Test func failuresAreGroupedByCategoryAndFingerprintWithRemediation() async throws {
        var failures: [RawSpan] = []
        for (i, message) in [
            "Rate limit reached for gpt-4o in organization org-4fK2Jd9sLm3Qx8Vb1Ty7Rn0P on tokens per min (TPM): Limit 30000, Used 29000, Requested 1200.",
            "Rate limit reached for gpt-4o in organization org-9QwE2rT5yU8iO1pA4sD7fG0h on tokens per min (TPM): Limit 30000, Used 29950, Requested 800.",
            "This model's maximum context length is 128000 tokens. However, your messages resulted in 130512 tokens.",
        ].enumerated() {
            failures.append(ConventionFixtures.span(
                String(format: "7000000000000000000000000000000%d", i), String(format: "700000000000000%d", i), "chat gpt-4o",
                at: Int64(i) * 1_000, ms: 100, [
                    "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o",
                    "http.response.status_code": .int(i < 2 ? 429 : 400),
                ], service: "rag", failed: true, message: message
            ))
        }
        let body = try LiveServer.protobuf(failures)
        try await LiveServer.run { client, _ in
            _ = try await LiveServer.post(client, body)
            let (status, body) = try await LiveServer.json(client, "/api/v1/errors")
            #expect(status == .ok)
            #expect(body["total_errors"] as? Int == 3)
            let categories = try #require(body["categories"] as? [[String: Any]])
            #expect(categories.map { $0["category"] as? String } == ["rate_limit", "context_length"])
            let rateLimit = categories[0]
            #expect(rateLimit["count"] as? Int == 2)
            let fingerprints = try #require(rateLimit["fingerprints"] as? [[String: Any]])
            #expect(fingerprints.count == 1, "messages that differ only in numbers and ids are one failure mode")
            #expect(fingerprints[0]["count"] as? Int == 2)
            #expect(fingerprints[0]["models"] as? [String: Int] == ["gpt-4o": 2])
            #expect((fingerprints[0]["example_traces"] as? [String])?.first?.hasPrefix("/api/v1/traces/") == true)
            let remediation = try #require(rateLimit["remediation"] as? [String: Any])
            #expect(remediation["action"] as? String == "retry_with_backoff")
            #expect((remediation["steps"] as? [String])?.isEmpty == false)

            let (_, byModel) = try await LiveServer.json(client, "/api/v1/errors?group_by=model")
            #expect(((byModel["categories"] as? [[String: Any]])?.first?["key"] as? [String: String]) == ["model": "gpt-4o"])
            let (bad, _) = try await LiveServer.json(client, "/api/v1/errors?group_by=nope")
            #expect(bad == .badRequest)
        }
    }
}
