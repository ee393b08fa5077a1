import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import LoupeServer
import Testing

@Suite("Engagement and complexity API on a live server")
struct BusinessRoutesTests {
    /// Three users over the last half hour: u1 asks twice in one session, u2 and u3 once each; every
    /// request is an agent run with one chat call of 800 input tokens and one tool call.
    static func spans() -> [RawSpan] {
        let visits = [("u1", "s1"), ("u1", "s1"), ("u2", "s2"), ("u3", "s3")]
        return visits.enumerated().flatMap { i, visit -> [RawSpan] in
            let trace = String(format: "%032x", i + 1), root = String(format: "%016x", 10 * i + 1)
            let start = LiveServer.now - 1_800_000_000_000 + Int64(i) * 60_000_000_000
            return [
                RawSpan(traceId: trace, spanId: root, name: "agent.run", kind: .server, startNanos: start, endNanos: start + 3_000_000_000,
                        statusCode: .unset, statusMessage: nil, attributes: ["user.id": .string(visit.0), "session.id": .string(visit.1)],
                        resourceAttributes: ["service.name": "helper"]),
                RawSpan(traceId: trace, spanId: String(format: "%016x", 10 * i + 2), parentSpanId: root, name: "chat gpt-4o-mini", kind: .client,
                        startNanos: start + 1_000_000, endNanos: start + 900_000_000, statusCode: .unset, statusMessage: nil,
                        attributes: ["gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o-mini",
                                     "gen_ai.usage.input_tokens": 800, "gen_ai.usage.output_tokens": 50],
                        resourceAttributes: ["service.name": "helper"]),
                RawSpan(traceId: trace, spanId: String(format: "%016x", 10 * i + 3), parentSpanId: root, name: "execute_tool search", kind: .internal,
                        startNanos: start + 901_000_000, endNanos: start + 1_000_000_000, statusCode: .unset, statusMessage: nil,
                        attributes: ["gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "search"],
                        resourceAttributes: ["service.name": "helper"]),
            ]
        }
    }

    @Test func engagementAndComplexityComeFromWhatWasSent() async throws {
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, try LiveServer.protobuf(Self.spans())).status == .ok)
            let (status, engagement) = try await LiveServer.json(client, "/api/v1/engagement")
            #expect(status == .ok)
            #expect(engagement["active_users"] as? Int == 3 && engagement["new_users"] as? Int == 3)
            #expect((engagement["days"] as? [Any])?.count == 31)
            let sessions = try #require(engagement["sessions"] as? [String: Any])
            #expect(sessions["sessions"] as? Int == 3 && sessions["sessions_per_user"] as? Double == 1)
            #expect((sessions["requests_per_session"] as? [String: Any])?["p90"] as? Double == 2)

            let (ok, complexity) = try await LiveServer.json(client, "/api/v1/complexity?from=\(LiveServer.now / 1_000_000_000 - 3_600)")
            #expect(ok == .ok)
            let overall = try #require(complexity["overall"] as? [String: Any])
            #expect(overall["requests"] as? Int == 4 && overall["llm_calls"] as? Double == 1 && overall["tool_calls"] as? Double == 1)
            #expect(overall["input_tokens"] as? Double == 800 && overall["score"] as? Double == 2.8)
            #expect(complexity["trend"] is NSNull)
        }
    }

    @Test func badRangesStepsAndFiltersAreRefused() async throws {
        try await LiveServer.run { client, _ in
            let (long, _) = try await LiveServer.json(client, "/api/v1/engagement?from=0")
            #expect(long == .badRequest)
            let (step, body) = try await LiveServer.json(client, "/api/v1/complexity?step=90s")
            #expect(step == .badRequest && (body["error"] as? [String: Any])?["parameter"] as? String == "step")
            let (unknown, _) = try await LiveServer.json(client, "/api/v1/complexity?model=gpt-4o")
            #expect(unknown == .badRequest)
        }
    }
}
