import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import Testing

@Suite("JSON query API on a live server")
struct QueryRoutesTests {
    @Test(arguments: [
        ("/api/v1/summary?group_by=colour", "group_by"), ("/api/v1/summary?from=yesterday", "from"),
        ("/api/v1/summary?grop_by=model", "grop_by"), ("/api/v1/timeseries?step=90s", "step"),
        ("/api/v1/timeseries?metric=vibes", "metric"), ("/api/v1/traces?limit=0", "limit"),
        ("/api/v1/summary?from=2000&to=1000", "from"), ("/api/v1/summary?group_by=user,business_unit", "group_by"),
        ("/api/v1/traces/xyz", "trace_id"), ("/api/v1/traces?operation=llm", "operation"), ("/api/v1/traces?min_ms=-1", "min_ms"), ("/api/v1/traces?status=maybe", "status"),
        ("/api/v1/timeseries?group_by=user&step=5m", "step"),
        // Past what unix nanoseconds hold (2262): refused, where the server once crashed converting them.
        ("/api/v1/traces?from=0&to=9999999999", "to"), ("/api/v1/summary?from=2300-01-01T00:00:00Z", "from"),
        ("/api/v1/summary?from=-1e300", "from"),
    ])
    func invalidParametersAreNamed(uri: String, parameter: String) async throws {
        try await LiveServer.run { client, _ in
            let (status, body) = try await LiveServer.json(client, uri)
            #expect(status == .badRequest)
            let error = body["error"] as? [String: Any]
            #expect(error?["parameter"] as? String == parameter, "\(body)")
            #expect((error?["message"] as? String)?.isEmpty == false)
        }
    }

    @Test func unknownTraceIsNotFound() async throws {
        try await LiveServer.run { client, _ in
            let (status, _) = try await LiveServer.json(client, "/api/v1/traces/00000000000000000000000000000001")
            #expect(status == .notFound)
        }
    }

    @Test func traceDetailHasTheTreeAndTheStageBreakdown() async throws {
        try await LiveServer.run { client, _ in
            _ = try await LiveServer.post(client, try LiveServer.protobuf(ConventionFixtures.all))
            let (status, trace) = try await LiveServer.json(client, "/api/v1/traces/\(ConventionFixtures.otelTrace)")
            #expect(status == .ok)
            #expect(trace["span_count"] as? Int == 2)
            // Depth-first and flat: depth and parent_span_id give the tree.
            let spans = try #require(trace["spans"] as? [[String: Any]])
            #expect(spans.map { $0["depth"] as? Int } == [0, 1])
            #expect(spans[1]["operation"] as? String == "llm")
            #expect(spans[1]["parent_span_id"] as? String == spans[0]["span_id"] as? String)
            #expect(spans[0]["child_count"] as? Int == 1)
            #expect(trace["orphan_spans"] as? Int == 0)
            #expect(trace["parent_cycles"] as? Int == 0)
            let breakdown = try #require(trace["stage_breakdown"] as? [String: Any])
            #expect(breakdown["total_ms"] as? Double == 1_000)
            #expect(breakdown["unaccounted_ms"] as? Double == 300)
            #expect((breakdown["stages"] as? [[String: Any]])?.first?["ms"] as? Double == 700)
        }
    }

    @Test func traceListShowsRecentTracesWithTheirTotals() async throws {
        try await LiveServer.run { client, _ in
            _ = try await LiveServer.post(client, try LiveServer.protobuf(ConventionFixtures.all))
            let (_, list) = try await LiveServer.json(client, "/api/v1/traces?limit=10")
            let traces = try #require(list["traces"] as? [[String: Any]])
            #expect(traces.count == 4)
            let vercel = try #require(traces.first { $0["trace_id"] as? String == ConventionFixtures.vercelTrace })
            #expect(vercel["root_name"] as? String == "ai.generateText")
            #expect(vercel["input_tokens"] as? Int == 300)
            let (_, failed) = try await LiveServer.json(client, "/api/v1/traces?status=error")
            #expect((failed["traces"] as? [[String: Any]])?.map { $0["trace_id"] as? String } == [ConventionFixtures.traceloopTrace])
        }
    }

    @Test func timeseriesAndBusinessDimensions() async throws {
        try await LiveServer.run { client, _ in
            _ = try await LiveServer.post(client, try LiveServer.protobuf(ConventionFixtures.all))
            let (status, series) = try await LiveServer.json(client, "/api/v1/timeseries?metric=tokens&step=5m&group_by=service")
            #expect(status == .ok)
            let all = try #require(series["series"] as? [[String: Any]])
            let rag = try #require(all.first { ($0["key"] as? [String: String])?["service"] == "rag" })
            let points = try #require(rag["points"] as? [[Any]])
            #expect(points.count == 12)
            #expect(points.compactMap { $0[1] as? Double }.reduce(0, +) == 110)
            let (_, units) = try await LiveServer.json(client, "/api/v1/summary?group_by=business_unit&business_unit=sales")
            // The one span labelled sales is a model call inside a request, not a request itself.
            let totals = units["totals"] as? [String: Any]
            #expect((totals?["spans"] as? [String: Any])?["count"] as? Int == 1)
            #expect((totals?["requests"] as? [String: Any])?["count"] as? Int == 0)
        }
    }
}
