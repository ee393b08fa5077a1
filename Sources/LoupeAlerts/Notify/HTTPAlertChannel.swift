import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A webhook, Slack or PagerDuty channel: POSTs the body its kind expects, signs webhooks, and
/// retries transport failures, 429 and 5xx answers with exponential backoff.
public struct HTTPAlertChannel: AlertChannel {
    public let config: AlertChannelConfig
    let client: HTTPClient
    let logger: Logger
    /// Waits between attempts; injected so tests and the engine's clock decide what a second is.
    let sleep: @Sendable (Duration) async throws -> Void
    let now: @Sendable () -> Int64
    public var maxAttempts = 4
    public var firstBackoff = Duration.seconds(1)

    public static let pagerDutyURL = "https://events.pagerduty.com/v2/enqueue"

    public init(
        config: AlertChannelConfig, client: HTTPClient, logger: Logger, now: @escaping @Sendable () -> Int64,
        sleep: @escaping @Sendable (Duration) async throws -> Void
    ) {
        self.config = config
        self.client = client
        self.logger = logger
        self.now = now
        self.sleep = sleep
    }

    public func deliver(_ notification: AlertNotification) async -> AlertDelivery {
        let body: Data
        do {
            switch config.type {
            case .webhook: body = try AlertPayloads.webhook(notification)
            case .slack: body = try AlertPayloads.slack(notification)
            case .pagerduty: body = try AlertPayloads.pagerDuty(notification, routingKey: config.routingKey ?? "")
            case .log: body = Data()
            }
        } catch {
            return AlertDelivery(channel: config.name, attempts: 0, status: nil, delivered: false, error: "cannot encode: \(error)")
        }
        let url = config.url ?? (config.type == .pagerduty ? Self.pagerDutyURL : "")
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "loupe-alerts")
        if config.type == .webhook, let secret = config.secret, !secret.isEmpty {
            let timestamp = now() / 1_000_000_000
            request.headers.add(name: AlertSignature.timestampHeader, value: String(timestamp))
            request.headers.add(name: AlertSignature.signatureHeader, value: AlertSignature.sign(body: body, secret: secret, timestamp: timestamp))
        }
        request.body = .bytes(ByteBuffer(bytes: body))
        var attempt = 0
        var backoff = firstBackoff
        var last = AlertDelivery(channel: config.name, attempts: 0, status: nil, delivered: false, error: nil)
        while attempt < maxAttempts {
            attempt += 1
            do {
                let response = try await client.execute(request, timeout: .seconds(10))
                let status = Int(response.status.code)
                last = AlertDelivery(channel: config.name, attempts: attempt, status: status, delivered: (200..<300).contains(status), error: nil)
                if last.delivered || !(status == 429 || status >= 500) { break }
                last.error = "HTTP \(status)"
            } catch {
                last = AlertDelivery(channel: config.name, attempts: attempt, status: nil, delivered: false, error: String(describing: error))
            }
            guard attempt < maxAttempts else { break }
            do { try await sleep(backoff) } catch { break }
            backoff = backoff * 2
        }
        let level: Logger.Level = last.delivered ? .info : .warning
        logger.log(level: level, "alert notification delivery", metadata: [
            "channel": "\(config.name)", "alert": "\(notification.alert.id)", "status": "\(notification.status)",
            "attempts": "\(last.attempts)", "http_status": "\(last.status.map(String.init) ?? "-")",
            "delivered": "\(last.delivered)", "error": "\(last.error ?? "")",
        ])
        return last
    }
}
