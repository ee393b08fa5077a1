import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import LoupeServer
import Testing

@Suite("Engagement, complexity, retrieval and ROI API on a live server")
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

    /// Two support requests whose retrieval ran: a billing one found two articles, an account one nothing.
    static func retrievalSpans() -> [RawSpan] {
        [("billing", [("kb-1", 0.82), ("kb-2", 0.31)]), ("account", [])].enumerated().flatMap { i, request -> [RawSpan] in
            let trace = String(format: "%032x", 100 + i), root = String(format: "%016x", 100 + i)
            let start = LiveServer.now - 600_000_000_000 + Int64(i) * 60_000_000_000
            let labels: [String: AttributeValue] = ["business_unit": "support", "query_category": .string(request.0)]
            let documents = AttributeValue.array(request.1.map { .kvlist(["id": .string($0.0), "score": .double($0.1)]) })
            return [
                RawSpan(traceId: trace, spanId: root, name: "POST /answer", kind: .server, startNanos: start, endNanos: start + 2_000_000_000,
                        statusCode: .unset, statusMessage: nil, attributes: labels, resourceAttributes: ["service.name": "support-rag"]),
                RawSpan(traceId: trace, spanId: String(format: "%016x", 200 + i), parentSpanId: root, name: "retrieval kb", kind: .client,
                        startNanos: start + 1_000_000, endNanos: start + 50_000_000, statusCode: .unset, statusMessage: nil,
                        attributes: labels.merging(["gen_ai.operation.name": "retrieval", "gen_ai.retrieval.documents": documents]) { a, _ in a },
                        resourceAttributes: ["service.name": "support-rag"]),
            ]
        }
    }

    @Test func retrievalAndROIComeFromWhatWasSent() async throws {
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, try LiveServer.protobuf(Self.retrievalSpans())).status == .ok)
            let (status, retrieval) = try await LiveServer.json(client, "/api/v1/retrieval")
            #expect(status == .ok)
            let overall = try #require(retrieval["overall"] as? [String: Any])
            #expect(overall["requests"] as? Int == 2 && overall["mean_top_score"] as? Double == 0.82 && overall["low_share"] as? Double == 0.5)
            #expect(overall["context_utilisation"] is NSNull)
            let gaps = try #require(retrieval["content_gaps"] as? [[String: Any]])
            #expect(gaps.map { $0["group"] as? String } == ["account", "billing"] && gaps[0]["empty"] as? Int == 1)
            #expect((retrieval["most_used_documents"] as? [[String: Any]])?.map { $0["id"] as? String } == ["kb-1", "kb-2"])

            let (ok, roi) = try await LiveServer.json(client, "/api/v1/roi")
            #expect(ok == .ok && roi["by"] as? String == "business_unit" && roi["values_configured"] as? Bool == false)
            let units = try #require(roi["units"] as? [[String: Any]])
            #expect(units.map { $0["unit"] as? String } == ["support"] && units[0]["requests"] as? Int == 2 && units[0]["value_usd"] is NSNull)
        }
    }

    @Test func badRetrievalParametersAreRefused() async throws {
        try await LiveServer.run { client, _ in
            let (score, body) = try await LiveServer.json(client, "/api/v1/retrieval?min_score=high")
            #expect(score == .badRequest && (body["error"] as? [String: Any])?["parameter"] as? String == "min_score")
            let (dimension, message) = try await LiveServer.json(client, "/api/v1/retrieval?gaps_by=colour")
            #expect(dimension == .badRequest && ((message["error"] as? [String: Any])?["message"] as? String)?.contains("query_category") == true)
            let (long, _) = try await LiveServer.json(client, "/api/v1/roi?from=0")
            #expect(long == .badRequest)
        }
    }
}
