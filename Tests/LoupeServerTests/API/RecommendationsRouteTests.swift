import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import LoupeServer
import Testing

@Suite("Recommendations API on a live server")
struct RecommendationsRouteTests {
    @Test func promptsRepeatedThroughIngestAreFoundByTheirHashes() async throws {
        // Twenty calls sending one of two prompts, through the whole ingest pipeline.
        let spans = (0..<20).map { i in
            RawSpan(
                traceId: String(format: "%032x", i + 1), spanId: String(format: "%016x", i + 1), name: "chat gpt-4o", kind: .client,
                startNanos: LiveServer.now - 1_800_000_000_000 + Int64(i) * 60_000_000_000,
                endNanos: LiveServer.now - 1_799_000_000_000 + Int64(i) * 60_000_000_000, statusCode: .unset, statusMessage: nil,
                attributes: [
                    "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o",
                    "gen_ai.usage.input_tokens": 900, "gen_ai.usage.output_tokens": 100,
                    "gen_ai.input.messages": .string(#"[{"role":"user","content":"question \#(i % 2)"}]"#),
                ],
                resourceAttributes: ["service.name": "faq"]
            )
        }
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, try LiveServer.protobuf(spans)).status == .ok)
            let (status, body) = try await LiveServer.json(client, "/api/v1/recommendations?kind=response_cache")
            #expect(status == .ok)
            let items = try #require(body["recommendations"] as? [[String: Any]])
            #expect(items.count == 1)
            let item = try #require(items.first)
            #expect(item["kind"] as? String == "response_cache" && item["area"] as? String == "caching")
            #expect((item["scope"] as? [String: String]) == ["service": "faq"])
            #expect((item["evidence"] as? [[String: String]])?.first?["value"] == "18 of 20 sampled calls")
            #expect((item["monthly_saving_usd"] as? Double ?? 0) > 0 && item["example_traces"] as? [String] != nil)
            #expect(body["sampled_traces"] as? Int == 20)
        }
    }

    @Test func unknownKindsAndFiltersAreRefusedWithTheValidOnes() async throws {
        try await LiveServer.run { client, _ in
            let (status, body) = try await LiveServer.json(client, "/api/v1/recommendations?kind=magic")
            #expect(status == .badRequest)
            let error = body["error"] as? [String: Any]
            #expect(error?["parameter"] as? String == "kind" && (error?["message"] as? String)?.contains("model_selection") == true)
            let (filtered, message) = try await LiveServer.json(client, "/api/v1/recommendations?model=gpt-4o")
            #expect(filtered == .badRequest && ((message["error"] as? [String: Any])?["message"] as? String)?.contains("project and service") == true)
            let (empty, none) = try await LiveServer.json(client, "/api/v1/recommendations")
            #expect(empty == .ok && (none["recommendations"] as? [Any])?.isEmpty == true && none["observed_seconds"] as? Int == 0)
        }
    }
}
