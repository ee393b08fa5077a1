import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import NIOCore
import Testing

@Suite("Budgets API on a live server")
struct BudgetRoutesTests {
    static func put(_ client: any TestClientProtocol, _ name: String, _ json: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/budgets/\(name)", method: .put, headers: [.contentType: "application/json"], body: ByteBuffer(string: json)
        )
    }

    @Test func aBudgetSetThroughTheAPIShowsItsSpendAndState() async throws {
        // Ten priced gpt-4o calls in the minutes before "now" (the 27th, noon).
        let attributes: [String: AttributeValue] = [
            "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o",
            "gen_ai.usage.input_tokens": 10_000, "gen_ai.usage.output_tokens": 1_000, "user.id": "u-1",
        ]
        var spans: [RawSpan] = []
        for i in 0..<10 {
            let start: Int64 = LiveServer.now - Int64(20 - i) * 60_000_000_000
            spans.append(RawSpan(
                traceId: String(format: "%032x", i + 1), spanId: String(format: "%016x", i + 1), name: "chat", kind: .client,
                startNanos: start, endNanos: start + 1_000_000, statusCode: .unset, statusMessage: nil, attributes: attributes,
                resourceAttributes: ["service.name": "support", "loupe.project": "acme"]
            ))
        }
        let body = try LiveServer.protobuf(spans)
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, body).status == .ok)
            let created = try await Self.put(client, "support", #"{"name": "support", "amount_usd": 0.2, "period": "daily", "filters": {"service": "support"}}"#)
            #expect(created.status == .ok)
            let (status, list) = try await LiveServer.json(client, "/api/v1/budgets")
            #expect(status == .ok)
            let budget = try #require((list["budgets"] as? [[String: Any]])?.first)
            #expect(budget["period_start"] as? String == "2026-11-27T00:00:00.000Z")
            // 10 calls × (10,000 × $2.50 + 1,000 × $10) per million tokens = $0.35: over $0.20.
            #expect(abs((budget["spent_usd"] as? Double ?? 0) - 0.35) < 1e-9 && budget["state"] as? String == "exceeded")
            #expect(((budget["drivers"] as? [[String: Any]])?.map { $0["value"] as? String }) == ["gpt-4o", "u-1"])
            #expect(budget["projected_usd"] is NSNull || budget["projected_usd"] == nil, "ten minutes of history are too few to project")

            #expect(try await Self.put(client, "x", #"{"name": "x", "amount_usd": -1}"#).status == .badRequest)
            #expect(try await Self.put(client, "x", #"{"name": "x", "amount_usd": 1, "filters": {"colour": "red"}}"#).status == .badRequest)
            #expect(try await Self.put(client, "x", #"{"name": "y", "amount_usd": 1}"#).status == .badRequest)
            #expect(try await Self.put(client, "x", "not json").status == .badRequest)
            #expect(try await client.execute(uri: "/api/v1/budgets/support", method: .delete).status == .noContent)
            #expect(try await client.execute(uri: "/api/v1/budgets/support", method: .delete).status == .notFound)
        }
    }
}
