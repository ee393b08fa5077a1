import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import LoupeServer
import LoupeStore
import NIOCore
import Testing

@Suite("Experiments API on a live server")
struct ExperimentRoutesTests {
    /// 200 requests a variant over the last half hour, through OTLP: the control fails 40 times,
    /// `v2` 10 times; variant names come from the SDK's attributes for one half and OpenTelemetry's
    /// feature-flag attributes for the other.
    static func spans() -> [RawSpan] {
        (0..<400).map { i in
            let treatment = i % 2 == 1
            let failed = treatment ? i % 40 == 1 : i % 10 == 0
            let start = LiveServer.now - 1_800_000_000_000 + Int64(i) * 4_000_000_000
            let labels: [String: AttributeValue] = i % 4 < 2
                ? ["loupe.experiment": "answer-prompt", "loupe.experiment.variant": .string(treatment ? "v2" : "control")]
                : ["feature_flag.key": "answer-prompt", "feature_flag.result.variant": .string(treatment ? "v2" : "control")]
            return RawSpan(
                traceId: String(format: "%032x", i + 1), spanId: String(format: "%016x", i + 1), name: "chat gpt-4o-mini", kind: .client,
                startNanos: start, endNanos: start + Int64(treatment ? 700 + i % 50 : 900 + i % 70) * 1_000_000,
                statusCode: failed ? .error : .unset, statusMessage: failed ? "upstream timeout" : nil,
                attributes: labels.merging([
                    "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o-mini",
                    "gen_ai.usage.input_tokens": 500, "gen_ai.usage.output_tokens": 100, "user.id": .string("user-\(i)"),
                ]) { a, _ in a },
                resourceAttributes: ["service.name": "support"]
            )
        }
    }

    @Test func aRunningExperimentIsListedAndCompared() async throws {
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, try LiveServer.protobuf(Self.spans())).status == .ok)
            let (listed, list) = try await LiveServer.json(client, "/api/v1/experiments")
            #expect(listed == .ok)
            let experiments = try #require(list["experiments"] as? [[String: Any]])
            #expect(experiments.count == 1 && experiments[0]["name"] as? String == "answer-prompt")
            #expect((experiments[0]["requests"] as? [String: Int]) == ["control": 200, "v2": 200])

            let (status, report) = try await LiveServer.json(client, "/api/v1/experiments/answer-prompt")
            #expect(status == .ok)
            #expect(report["control"] as? String == "control")
            let variants = try #require(report["variants"] as? [[String: Any]])
            #expect(variants.map { $0["variant"] as? String } == ["control", "v2"])
            #expect(variants[0]["error_rate"] as? Double == 0.2 && variants[1]["error_rate"] as? Double == 0.05)
            #expect(variants[1]["units"] as? Int == 200)
            let comparison = try #require((report["comparisons"] as? [[String: Any]])?.first)
            let success = try #require(comparison["success_rate"] as? [String: Any])
            #expect(success["test"] as? String == "two_proportion_z")
            #expect((success["p_value"] as? Double ?? 1) < 0.001)
            #expect((success["confidence_interval"] as? [Double])?.count == 2)
            let latency = try #require(comparison["latency_ms"] as? [String: Any])
            #expect(latency["test"] as? String == "welch_t" && (latency["mann_whitney_p_value"] as? Double ?? 1) < 0.001)
            let recommendation = try #require(report["recommendation"] as? [String: Any])
            #expect(recommendation["decision"] as? String == "ship_treatment")
            #expect(recommendation["more_requests"] is NSNull)
            #expect((report["sample_ratio"] as? [String: Any])?["mismatch"] as? Bool == false)
        }
    }

    @Test func unknownExperimentsAndBadParametersAreExplained() async throws {
        try await LiveServer.run { client, _ in
            let (missing, body) = try await LiveServer.json(client, "/api/v1/experiments/nothing")
            #expect(missing == .notFound && ((body["error"] as? [String: Any])?["message"] as? String)?.contains("GET /api/v1/experiments") == true)
            let (split, splitBody) = try await LiveServer.json(client, "/api/v1/experiments/nothing?split=control")
            #expect(split == .badRequest && (splitBody["error"] as? [String: Any])?["parameter"] as? String == "split")
            let (alpha, _) = try await LiveServer.json(client, "/api/v1/experiments/nothing?alpha=2")
            #expect(alpha == .badRequest)
            let (empty, none) = try await LiveServer.json(client, "/api/v1/experiments")
            #expect(empty == .ok && (none["experiments"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func modelsAreComparedWithoutAnExperiment() async throws {
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, try LiveServer.protobuf(Self.spans())).status == .ok)
            let (ok, report) = try await LiveServer.json(client, "/api/v1/compare?by=model&service=support")
            #expect(ok == .ok && report["observational"] as? Bool == true && report["name"] as? String == "model in support")
            #expect((report["variants"] as? [[String: Any]])?.map { $0["variant"] as? String } == ["gpt-4o-mini"])
            #expect(report["sample_ratio"] is NSNull)
            let (none, _) = try await LiveServer.json(client, "/api/v1/compare?by=prompt_version")
            #expect(none == .notFound)
            let (bad, body) = try await LiveServer.json(client, "/api/v1/compare?by=colour")
            #expect(bad == .badRequest && (body["error"] as? [String: Any])?["parameter"] as? String == "by")
            let (missing, _) = try await LiveServer.json(client, "/api/v1/compare")
            #expect(missing == .badRequest)
        }
    }
}
