import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import LoupeServer
import NIOCore
import Testing

@Suite("Quality API on a live server")
struct QualityRoutesTests {
    @Test func feedbackSentToTheApiIsPutAgainstLatency() async throws {
        // Six requests, the slower the worse rated: 300 ms to 8 s, stars 5 down to 1 (the last two 1).
        let latencies: [Int64] = [300, 700, 1_500, 3_000, 6_000, 8_000]
        let stars = [5, 4, 3, 2, 1, 1]
        let spans = latencies.enumerated().map { i, ms in
            let start = LiveServer.now - 1_800_000_000_000 + Int64(i) * 60_000_000_000
            return RawSpan(
                traceId: String(format: "%032x", i + 1), spanId: String(format: "%016x", i + 1), name: "answer", kind: .server,
                startNanos: start, endNanos: start + ms * 1_000_000, statusCode: .unset, statusMessage: nil, attributes: [:],
                resourceAttributes: ["service.name": "support"]
            )
        }
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, try LiveServer.protobuf(spans)).status == .ok)
            let body = "[" + stars.enumerated().map { i, s in
                #"{"trace_id": "\#(String(format: "%032x", i + 1))", "name": "stars", "value": \#(s), "min": 1, "max": 5}"#
            }.joined(separator: ",") + "]"
            let posted = try await client.execute(uri: "/api/v1/scores", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
            #expect(posted.status == .ok)
            let (status, quality) = try await LiveServer.json(client, "/api/v1/quality")
            #expect(status == .ok)
            let overall = try #require((quality["overall"] as? [[String: Any]])?.first)
            #expect(overall["name"] as? String == "stars" && overall["count"] as? Int == 6)
            let buckets = try #require(quality["by_latency"] as? [[String: Any]])
            #expect(buckets.map { $0["group"] as? String } == ["< 1 s", "1–2 s", "2–5 s", "5–10 s"])
            #expect(buckets.first?["mean"] as? Double == 0.875)
            let latency = try #require((quality["correlations"] as? [[String: Any]])?.first { $0["against"] as? String == "latency" })
            #expect((latency["spearman_rho"] as? Double ?? 0) < -0.9 && (latency["p_value"] as? Double ?? 1) < 0.05)
            let (bad, _) = try await LiveServer.json(client, "/api/v1/quality?from=soon")
            #expect(bad == .badRequest)
        }
    }
}
