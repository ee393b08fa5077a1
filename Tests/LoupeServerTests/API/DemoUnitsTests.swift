import Foundation
import NIOCore
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import LoupeDemo
import LoupeServer
import Testing

/// The demo's summary by service counts what its traffic generator sent: one request per trace.
@Suite("Requests per service equal the demo's traces")
struct DemoUnitsTests {
    struct Truth {
        var requests = 0
        var failed = 0
        var rootMs: [Double] = []
    }

    @Test func summaryByServiceCountsTracesAndTheirRoots() async throws {
        let traces = DemoTrafficGenerator(failureRate: 0.2, seed: 11).traces(400, nowNanos: LiveServer.now, spreadSeconds: 600)
        var truth: [String: Truth] = [:]
        for trace in traces {
            let root = try #require(trace.first { $0.parentSpanId == nil })
            let service = try #require(root.resourceAttributes["service.name"]?.stringValue)
            truth[service, default: Truth()].requests += 1
            if root.statusCode == .error { truth[service, default: Truth()].failed += 1 }
            truth[service, default: Truth()].rootMs.append(Double(root.endNanos - root.startNanos) / 1e6)
        }
        let expectedByService = truth
        #expect(truth.values.contains { $0.failed > 0 }, "the demo fails some requests")
        let body = try LiveServer.protobuf(traces.flatMap { $0 })
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, body).status == .ok)
            let from = (LiveServer.now - 900_000_000_000) / 1_000_000_000
            let (status, summary) = try await LiveServer.json(client, "/api/v1/summary?group_by=service&from=\(from)")
            #expect(status == .ok)
            #expect(summary["unit"] as? String == "requests")
            let groups = try #require(summary["groups"] as? [[String: Any]])
            #expect(groups.count == expectedByService.count)
            for group in groups {
                let service = try #require((group["key"] as? [String: String])?["service"])
                let expected = try #require(expectedByService[service])
                let requests = try #require(group["requests"] as? [String: Any])
                #expect(requests["count"] as? Int == expected.requests, "\(service)")
                #expect(requests["errors"] as? Int == expected.failed, "\(service)")
                // Latency is the requests' own: the median root, within the histogram's 1% buckets.
                let sorted = expected.rootMs.sorted()
                let median = sorted[(sorted.count + 1) / 2 - 1]
                let p50 = try #require((requests["latency_ms"] as? [String: Double])?["p50"])
                #expect(abs(p50 - median) / median < 0.011, "\(service): p50 \(p50) against \(median)")
            }
            let totals = try #require(summary["totals"] as? [String: Any])
            #expect((totals["requests"] as? [String: Any])?["count"] as? Int == traces.count)
            #expect((totals["spans"] as? [String: Any])?["count"] as? Int == traces.reduce(0) { $0 + $1.count })
        }
    }

    /// The demo's incident, as its generator sends it: the anomalies API finds the cost spike and
    /// names the runaway user and model, as the demo's banner promises.
    @Test func theDemosRunawayLoopIsACostAnomalyExplainedByItsUser() async throws {
        let generator = DemoTrafficGenerator(seed: 5)
        let normal = generator.traces(2_400, nowNanos: LiveServer.now, spreadSeconds: 2_400)
        let runaway = generator.runawayTraces(160, nowNanos: LiveServer.now, spreadSeconds: 480)
        // In batches, as the demo sends them: its long prompts make one request of everything too large to hold at once.
        let all = normal + runaway
        let bodies = try stride(from: 0, to: all.count, by: 400).map { try LiveServer.protobuf(all[$0..<min($0 + 400, all.count)].flatMap { $0 }) }
        try await LiveServer.run { client, _ in
            for body in bodies {
                let posted = try await LiveServer.post(client, body)
                #expect(posted.status == .ok, "\(posted.status) \(String(buffer: posted.body))")
            }
            let (status, report) = try await LiveServer.json(client, "/api/v1/anomalies?metric=cost_usd")
            #expect(status == .ok)
            let cost = try #require((report["anomalies"] as? [[String: Any]])?.first)
            #expect(cost["direction"] as? String == "spike" && cost["ongoing"] as? Bool == true)
            #expect((cost["summary"] as? String)?.hasSuffix("of the increase in cost is user user-137 on gpt-4o") == true, "\(cost)")
        }
    }
}
