import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Loupe
import LoupeCore
import LoupeTesting
import Synchronization
import Testing

/// Closing the loop: a server that sees one model failing for everyone, and a router in another
/// process that reads the fleet's model health and falls back before its own calls fail.
struct FleetFallbackTests {
    /// `count` calls of `model` in the two minutes before the server's "now", `failed` of them failing.
    static func calls(_ model: String, provider: String, count: Int, failed: Int, tag: UInt64) -> [RawSpan] {
        (0..<count).map { i in
            let start = LiveServer.now - 120_000_000_000 + Int64(i) * 1_000_000_000
            let fails = i < failed
            return RawSpan(
                traceId: String(format: "%016llx%016llx", tag, UInt64(i) + 1), spanId: "00000000000000b1", parentSpanId: nil,
                name: "chat \(model)", kind: .client, startNanos: start, endNanos: start + 800_000_000,
                statusCode: fails ? .error : .unset, statusMessage: fails ? "Error code: 529 - overloaded_error: Overloaded" : nil,
                attributes: [
                    "gen_ai.operation.name": "chat", "gen_ai.provider.name": .string(provider), "gen_ai.request.model": .string(model),
                    "gen_ai.usage.input_tokens": 100, "gen_ai.usage.output_tokens": 10,
                ],
                resourceAttributes: ["service.name": "chat-api"]
            )
        }
    }

    final class Called: Sendable {
        private let models = Mutex<[String]>([])
        func append(_ model: String) { models.withLock { $0.append(model) } }
        var all: [String] { models.withLock { $0 } }
    }

    @Test func aRouterSkipsTheModelTheFleetSaysToAvoid() async throws {
        try await LiveServer.run { client, _ in
            let traffic = Self.calls("gpt-4o", provider: "openai", count: 20, failed: 16, tag: 7)
                + Self.calls("claude-sonnet-4", provider: "anthropic", count: 10, failed: 0, tag: 8)
            #expect(try await LiveServer.post(client, LiveServer.protobuf(traffic)).status == .ok)

            let (_, answer) = try await LiveServer.json(client, "/api/v1/health/models?window=5m")
            let states = Dictionary(uniqueKeysWithValues: (answer["models"] as? [[String: Any]] ?? []).map {
                ($0["model"] as? String ?? "", $0["state"] as? String ?? "")
            })
            #expect(states == ["gpt-4o": "avoid", "claude-sonnet-4": "healthy"])

            let health = LoupeModelHealth(server: "http://127.0.0.1:\(client.port ?? 0)", logger: Logger(label: "test"))
            try await health.refresh()
            #expect(health.state(of: "gpt-4o") == .avoid)
            let recorder = TelemetryRecorder()
            let telemetry = Telemetry.recorded(into: recorder, configuration: .init(clock: ManualTelemetryClock()))
            let router = ModelRouter(primary: "gpt-4o", fallbacks: ["claude-sonnet-4"], telemetry: telemetry, health: health)
            let called = Called()
            let answered = try await router.route { model in
                called.append(model)
                return model
            }
            // The primary is not even tried: its circuit here is still closed, the fleet knows better.
            #expect(answered == "claude-sonnet-4" && called.all == ["claude-sonnet-4"])
            #expect(recorder.events(named: .routerSkipped).first?.metadata["loupe.router.reason"] == .string("fleet_avoid"))
            #expect(router.state(of: "gpt-4o") == .closed)
        }
    }
}
