import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization

/// Polls a Loupe server's `GET /api/v1/health/models` and answers ``ModelRouter``'s questions from
/// the last answer. Run it as a service beside the application's others:
///
/// ```swift
/// let health = LoupeModelHealth(server: "http://loupe.internal:4318", logger: logger)
/// let router = ModelRouter(primary: "gpt-4o", fallbacks: ["claude-sonnet-4"], telemetry: telemetry, health: health)
/// let group = ServiceGroup(services: [health, app], logger: logger)
/// ```
///
/// When the server cannot be reached the last states are kept for three intervals, then forgotten:
/// routers fall back on their own circuit breakers alone.
public final class LoupeModelHealth: ModelHealthSource, Service {
    struct Snapshot {
        var states: [String: FleetModelState] = [:]
        var fetched: ContinuousClock.Instant?
    }

    let url: String
    let interval: Duration
    let client: HTTPClient
    let logger: Logger
    private let snapshot = Mutex(Snapshot())

    public init(server: String, interval: Duration = .seconds(15), window: String = "5m", httpClient: HTTPClient = .shared, logger: Logger) {
        let base = server.hasSuffix("/") ? String(server.dropLast()) : server
        self.url = base + "/api/v1/health/models?window=" + window
        self.interval = interval
        self.client = httpClient
        self.logger = logger
    }

    public func state(of model: String) -> FleetModelState? {
        snapshot.withLock { snapshot in
            guard let fetched = snapshot.fetched, ContinuousClock.now - fetched < interval * 3 else { return nil }
            return snapshot.states[model]
        }
    }

    /// Asks the server once. A model served by several providers takes its worst state.
    public func refresh() async throws {
        let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        guard response.status.code == 200 else { throw HealthError(message: "\(url) answered \(response.status.code)") }
        let body = try await response.body.collect(upTo: 8 << 20)
        struct Answer: Decodable {
            struct Model: Decodable {
                var model: String
                var state: FleetModelState
            }
            var models: [Model]
        }
        let answer = try JSONDecoder().decode(Answer.self, from: Data(body.readableBytesView))
        var states: [String: FleetModelState] = [:]
        let rank: [FleetModelState: Int] = [.healthy: 0, .degraded: 1, .avoid: 2]
        for model in answer.models where (rank[model.state] ?? 0) >= (rank[states[model.model] ?? .healthy] ?? 0) {
            states[model.model] = model.state
        }
        snapshot.withLock { $0 = Snapshot(states: states, fetched: .now) }
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await self.refresh()
                } catch {
                    self.logger.warning("cannot read the fleet's model health", metadata: ["url": "\(self.url)", "error": "\(error)"])
                }
                do { try await Task.sleep(for: self.interval) } catch { return }
            }
        }
    }

    struct HealthError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
