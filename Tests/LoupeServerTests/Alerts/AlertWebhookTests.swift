import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import LoupeAlerts
import LoupeCore
import LoupeOTLP
import LoupeServer
import LoupeStoreSQLite
import LoupeTesting
import NIOCore
import ServiceLifecycle
import Synchronization
import Testing

/// A real webhook receiver on loopback: records each request's signature headers and body.
struct WebhookReceiver {
    struct Received: Sendable {
        var signature: String?
        var timestamp: String?
        var body: Data
    }

    let stream: AsyncStream<Received>
    let continuation: AsyncStream<Received>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: Received.self)
    }

    func application() -> some ApplicationProtocol {
        let router = Router()
        let continuation = continuation
        router.post("hook") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 20)
            continuation.yield(Received(
                signature: request.headers[HTTPField.Name(AlertSignature.signatureHeader)!],
                timestamp: request.headers[HTTPField.Name(AlertSignature.timestampHeader)!], body: Data(body.readableBytesView)
            ))
            return .ok
        }
        var logger = Logger(label: "receiver")
        logger.logLevel = .critical
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
    }
}

/// The alert loop end to end: a real server on loopback with a SQLite file, OTLP traffic that
/// breaches the built-in p95 rule, the alert service on an injected clock, and a real webhook
/// receiver that gets exactly one signed firing notification with diagnostics, then one resolution.
struct AlertWebhookTests {
    static let secret = "test-secret"
    static let interval = Duration.seconds(30)

    /// `count` requests of the `rag` service in the minute before `end`, each a root span lasting `ms`.
    static func traffic(_ count: Int, endingAt end: Int64, ms: Int64, tag: UInt64) -> [RawSpan] {
        (0..<count).map { i in
            let start = end - 60_000_000_000 + Int64(i) * 1_000_000_000
            return RawSpan(
                traceId: String(format: "%016llx%016llx", tag, UInt64(i) + 1), spanId: "00000000000000a1", parentSpanId: nil,
                name: "POST /answer", kind: .server, startNanos: start, endNanos: start + ms * 1_000_000, statusCode: .unset,
                statusMessage: nil, attributes: ["user.id": .string("u-\(i % 3)")], resourceAttributes: ["service.name": "rag"]
            )
        }
    }

    @Test func aBreachIsAnsweredByOneSignedFiringAndOneResolvedNotification() async throws {
        let receiver = WebhookReceiver()
        let receiverApp = receiver.application()
        try await receiverApp.test(.live) { receiverClient in
            let hook = "http://127.0.0.1:\(receiverClient.port ?? 0)/hook"
            let clock = TestClock()
            let now = Mutex<Int64>(LiveServer.now)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-alerts-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            var configuration = ServerConfiguration(port: 0, databasePath: folder.appendingPathComponent("loupe.db").path)
            configuration.requireKeys = false
            configuration.alerts.publicURL = "http://loupe.example"
            try configuration.alerts.addWebhook(url: hook, secret: Self.secret)
            let store = try SQLiteTelemetryStore(path: configuration.databasePath, options: .init(durability: .normal))
            var logger = Logger(label: "loupe.test")
            logger.logLevel = .critical
            let clockNow: @Sendable () -> Int64 = { now.withLock { $0 } }
            let parts = LoupeApplication.parts(
                configuration: configuration, store: store, enrichers: try LoupeApplication.defaultEnrichers(), logger: logger, now: clockNow
            )
            let engine = try #require(parts.alerts)
            let service = AlertService(engine: engine, interval: Self.interval, clock: clock, now: clockNow, logger: logger)
            let app = Application(
                router: parts.router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                services: [parts.writer, parts.maintenance, service], logger: logger
            )
            try await app.test(.live) { client in
                var received = receiver.stream.makeAsyncIterator()
                // Slow requests: p95 of 3 s against the built-in 2 s rule, 20 of them (the minimum is 10).
                let slow = try await LiveServer.post(client, LiveServer.protobuf(Self.traffic(20, endingAt: LiveServer.now, ms: 3_000, tag: 1)))
                #expect(slow.status == .ok)

                // One evaluation interval later: exactly one firing notification.
                await clock.sleeper(for: Self.interval)
                now.withLock { $0 += 30_000_000_000 }
                clock.advance(by: Self.interval)
                let firing = try #require(await received.next())
                let timestamp = try #require(firing.timestamp.flatMap { Int64($0) })
                #expect(AlertSignature.verify(body: firing.body, secret: Self.secret, timestamp: timestamp, signature: firing.signature ?? ""))
                let notification = try JSONDecoder().decode(AlertNotification.self, from: firing.body)
                #expect(notification.status == "firing")
                #expect(notification.alert.rule == "latency_p95" && notification.alert.key == ["service": "rag"])
                #expect((notification.alert.value ?? 0) > 2_000 && notification.alert.threshold == 2_000)
                let diagnostics = try #require(notification.diagnostics)
                #expect(diagnostics.affectedUsers.count == 3)
                #expect(diagnostics.exampleTraces.count == 5 && diagnostics.exampleTraces.allSatisfy { $0.hasPrefix("http://loupe.example/ui/traces/") })
                #expect(notification.dashboardURL.hasPrefix("http://loupe.example/ui/?from="))

                // The API lists it, firing.
                let (_, listed) = try await LiveServer.json(client, "/api/v1/alerts")
                let alerts = listed["alerts"] as? [[String: Any]] ?? []
                #expect(alerts.map { $0["status"] as? String } == ["firing"])

                // Still slow at the next evaluation: nothing more is sent. Then the slow minute
                // leaves the five-minute window and fast traffic fills it: one resolution.
                await clock.sleeper(for: Self.interval)
                now.withLock { $0 += 30_000_000_000 }
                clock.advance(by: Self.interval)
                let later = LiveServer.now + 7 * 60_000_000_000
                let fast = try await LiveServer.post(client, LiveServer.protobuf(Self.traffic(20, endingAt: later, ms: 200, tag: 2)))
                #expect(fast.status == .ok)
                await clock.sleeper(for: Self.interval)
                now.withLock { $0 = later }
                clock.advance(by: Self.interval)
                let resolved = try #require(await received.next())
                let recovery = try JSONDecoder().decode(AlertNotification.self, from: resolved.body)
                #expect(recovery.status == "resolved" && recovery.alert.id == notification.alert.id && recovery.diagnostics == nil)

                // The tick that sent it has finished (history written) once the service sleeps again.
                await clock.sleeper(for: Self.interval)
                let (_, history) = try await LiveServer.json(client, "/api/v1/alerts/history?from=0&to=\(Int64.max / 1_000_000_000)")
                let events = (history["events"] as? [[String: Any]] ?? []).compactMap { $0["event"] as? String }
                #expect(events.filter { $0 == "delivered" }.count == 4)  // firing and resolved, to the webhook and the log
                #expect(events.filter { $0 == "firing" }.count == 1 && events.filter { $0 == "resolved" }.count == 1)
            }
        }
    }
}
