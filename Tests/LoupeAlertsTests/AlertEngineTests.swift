import Foundation
import Logging
import LoupeAlerts
import LoupeAnalytics
import LoupeCore
import LoupeStore
import Synchronization
import Testing

/// A channel that keeps what it is sent.
final class RecordingChannel: AlertChannel {
    let config: AlertChannelConfig
    private let sent = Mutex<[AlertNotification]>([])

    init(minSeverity: AlertSeverity = .info, match: [String: String] = [:]) {
        config = AlertChannelConfig(name: "recorder", type: .log, minSeverity: minSeverity, match: match)
    }

    var notifications: [AlertNotification] { sent.withLock { $0 } }

    func deliver(_ notification: AlertNotification) async -> AlertDelivery {
        sent.withLock { $0.append(notification) }
        return AlertDelivery(channel: config.name, attempts: 1, status: 200, delivered: true, error: nil)
    }
}

/// The engine over an in-memory store, its time given by each tick: `for`, minimum requests,
/// silences, quiet hours and diagnostics, each on a clock the test moves.
struct AlertEngineTests {
    static let minute: Int64 = 60_000_000_000
    /// 2026-11-21 12:00 UTC.
    static let t0: Int64 = 1_795_780_800_000_000_000

    /// `count` requests of a service in the minute before `at`, `failed` of them failing with a rate limit.
    static func requests(_ count: Int, service: String = "rag", at: Int64, ms: Int64 = 300, failed: Int = 0, user: String = "u-1") -> [SpanRecord] {
        (0..<count).map { i in
            let start = at - minute + Int64(i) * (minute / Int64(max(count, 1)))
            let trace = String(format: "%016llx%016llx", UInt64(bitPattern: at), UInt64(i) + (service == "rag" ? 0 : 1 << 40))
            let fails = i < failed
            return SpanRecord(
                traceId: trace, spanId: "00000000000000a1", parentSpanId: nil, project: "default", service: service, name: "POST /answer",
                operation: .llm, spanKind: .server, startNanos: start, endNanos: start + ms * 1_000_000, status: fails ? .error : .unset,
                errorType: fails ? "RateLimitError" : nil, errorMessage: fails ? "Rate limit reached for gpt-4o" : nil,
                errorCategory: fails ? "rate_limit" : nil, errorFingerprint: fails ? "00000000000000ee" : nil, provider: "openai",
                requestModel: "gpt-4o", usage: TokenUsage(input: 100, output: 20), countsUsage: true, costUSD: 0.001, userId: user
            )
        }
    }

    static func engine(_ rules: [AlertRule], channel: RecordingChannel) -> (AlertEngine, InMemoryTelemetryStore) {
        let store = InMemoryTelemetryStore()
        var logger = Logger(label: "alerts.test")
        logger.logLevel = .critical
        let engine = AlertEngine(
            rules: AlertRuleSet(rules: rules), analytics: TelemetryAnalytics(store: store), channels: [channel],
            dashboardURL: "http://loupe.test", logger: logger
        )
        return (engine, store)
    }

    static let slow = AlertRule(name: "p95", measure: .latencyP95, warning: 2_000, critical: 5_000, windowSeconds: 300, forEvaluations: 2, minRequests: 10, groupBy: ["service"])

    @Test func aBreachFiresAfterForEvaluationsWithDiagnosticsAndResolvesOnce() async throws {
        let channel = RecordingChannel()
        let (engine, store) = Self.engine([Self.slow], channel: channel)
        _ = try await store.write(Self.requests(20, at: Self.t0, ms: 3_000, failed: 2))
        await engine.tick(atNanos: Self.t0)
        #expect(channel.notifications.isEmpty)  // pending: one breach of the two `for` asks
        #expect(await engine.alerts().map(\.status) == [.pending])
        await engine.tick(atNanos: Self.t0 + Self.minute / 2)
        #expect(channel.notifications.map(\.status) == ["firing"])
        let firing = try #require(channel.notifications.first)
        #expect(firing.alert.key == ["service": "rag"] && firing.alert.severity == .warning && firing.alert.threshold == 2_000)
        let diagnostics = try #require(firing.diagnostics)
        #expect(diagnostics.topFailureModes.first?.category == "rate_limit")
        #expect(diagnostics.topFailureModes.first?.remediation.isEmpty == false)
        #expect(diagnostics.affectedModels.first?.name == "gpt-4o")
        #expect(diagnostics.affectedUsers.first?.name == "u-1")
        #expect(diagnostics.exampleTraces.first?.hasPrefix("http://loupe.test/ui/traces/") == true)
        #expect(firing.dashboardURL.hasPrefix("http://loupe.test/ui/?from=") && firing.dashboardURL.contains("service=rag"))
        // Still breaching: nothing new. Then fast traffic alone in the window: one resolution.
        await engine.tick(atNanos: Self.t0 + Self.minute)
        _ = try await store.write(Self.requests(20, at: Self.t0 + 10 * Self.minute, ms: 200))
        await engine.tick(atNanos: Self.t0 + 10 * Self.minute)
        await engine.tick(atNanos: Self.t0 + 11 * Self.minute)
        #expect(channel.notifications.map(\.status) == ["firing", "resolved"])
        #expect(channel.notifications.last?.diagnostics == nil)
        let history = try await store.alertEvents(AlertEventQuery(fromNanos: 0, toNanos: .max))
        #expect(history.reversed().map(\.event) == ["pending", "firing", "delivered", "resolved", "delivered"])
    }

    @Test func lowTrafficNeverAlerts() async throws {
        let channel = RecordingChannel()
        let (engine, store) = Self.engine([Self.slow], channel: channel)
        _ = try await store.write(Self.requests(9, at: Self.t0, ms: 9_000))
        for i in 0..<5 { await engine.tick(atNanos: Self.t0 + Int64(i) * Self.minute / 5) }
        #expect(channel.notifications.isEmpty)
        #expect(await engine.alerts().isEmpty)
    }

    @Test func aSilencedAlertSendsNothingUntilItsSilenceEnds() async throws {
        let channel = RecordingChannel()
        var rule = Self.slow
        rule.forEvaluations = 1
        let (engine, store) = Self.engine([rule], channel: channel)
        _ = try await store.write(Self.requests(20, at: Self.t0, ms: 3_000))
        await engine.tick(atNanos: Self.t0)
        let id = try #require(await engine.alerts().first?.id)
        _ = try await engine.silence(id, untilNanos: Self.t0 + 30 * Self.minute, atNanos: Self.t0)
        _ = try await engine.resolve(id, atNanos: Self.t0 + Self.minute)  // by hand; still breaching
        await engine.tick(atNanos: Self.t0 + 2 * Self.minute)
        #expect(channel.notifications.map(\.status) == ["firing"])  // the resolution and the new firing were silenced
        let events = try await store.alertEvents(AlertEventQuery(fromNanos: 0, toNanos: .max)).map(\.event)
        #expect(events.contains("silenced") && events.contains("suppressed"))
    }

    @Test func quietHoursHoldNotificationsBackUntilTheyEnd() async throws {
        let channel = RecordingChannel()
        var rule = Self.slow
        rule.forEvaluations = 1
        // t0 is 12:00 UTC: quiet until 12:10.
        rule.quietHours = QuietHours(start: "11:00", end: "12:10", timezone: "UTC")
        let (engine, store) = Self.engine([rule], channel: channel)
        _ = try await store.write(Self.requests(20, at: Self.t0, ms: 3_000))
        _ = try await store.write(Self.requests(20, at: Self.t0 + 12 * Self.minute, ms: 3_000))
        await engine.tick(atNanos: Self.t0)
        #expect(channel.notifications.isEmpty)
        await engine.tick(atNanos: Self.t0 + 12 * Self.minute)
        #expect(channel.notifications.map(\.status) == ["firing"])
        await engine.tick(atNanos: Self.t0 + 13 * Self.minute)
        #expect(channel.notifications.count == 1)
    }

    @Test func routesTakeSeverityAndLabels() async throws {
        let critical = RecordingChannel(minSeverity: .critical)
        let team = RecordingChannel(match: ["team": "search"])
        var rule = Self.slow
        rule.forEvaluations = 1
        rule.labels = ["team": "search"]
        let store = InMemoryTelemetryStore()
        let engine = AlertEngine(
            rules: AlertRuleSet(rules: [rule]), analytics: TelemetryAnalytics(store: store), channels: [critical, team],
            dashboardURL: "http://loupe.test", logger: Logger(label: "t")
        )
        _ = try await store.write(Self.requests(20, at: Self.t0, ms: 3_000))
        await engine.tick(atNanos: Self.t0)
        #expect(critical.notifications.isEmpty && team.notifications.count == 1)
    }

    @Test func otherKindsFireOnNewFailureModesSilentServicesAndErrorSpikes() async throws {
        let channel = RecordingChannel()
        let rules = [
            AlertRule(name: "new", kind: .newFailureMode, windowSeconds: 300, severity: .warning, lookbackSeconds: 3_600),
            AlertRule(name: "silent", kind: .noData, windowSeconds: 300, severity: .critical, lookbackSeconds: 3_600),
            AlertRule(name: "limits", kind: .errorSpike, warning: 5, windowSeconds: 300, category: "rate_limit", factor: 3),
        ]
        let (engine, store) = Self.engine(rules, channel: channel)
        _ = try await store.write(Self.requests(10, service: "chat", at: Self.t0 - 20 * Self.minute))
        _ = try await store.write(Self.requests(20, at: Self.t0, failed: 8))
        await engine.tick(atNanos: Self.t0)
        let fired = Dictionary(grouping: channel.notifications, by: \.alert.rule)
        #expect(fired["new"]?.first?.alert.key["fingerprint"] == "00000000000000ee")
        #expect(fired["silent"]?.first?.alert.key == ["service": "chat"] && fired["silent"]?.first?.alert.severity == .critical)
        #expect(fired["limits"]?.first?.alert.value == 8)
    }

    @Test func anAnomalyRuleFiresWhileAModelsCostIsOutOfRangeAndResolvesAfter() async throws {
        let channel = RecordingChannel()
        let rule = AlertRule(
            name: "cost", kind: .anomaly, warning: 4.5, critical: 10, windowSeconds: 300, groupBy: ["model"], lookbackSeconds: 7_200,
            metric: .costUSD
        )
        let (engine, store) = Self.engine([rule], channel: channel)
        // Two hours of 20 calls a minute at $0.001; then five minutes at ten times the price.
        for m in 0..<120 { _ = try await store.write(Self.requests(20, at: Self.t0 - Int64(125 - m) * Self.minute)) }
        for m in 0..<5 {
            var spans = Self.requests(20, at: Self.t0 - Int64(4 - m) * Self.minute)
            for i in spans.indices { spans[i].costUSD = 0.01 }
            _ = try await store.write(spans)
        }
        await engine.tick(atNanos: Self.t0)
        let alert = try #require(channel.notifications.first?.alert)
        #expect(alert.rule == "cost" && alert.key == ["model": "gpt-4o"] && alert.severity == .critical)
        #expect(alert.detail.hasPrefix("cost per minute of model gpt-4o ×10 since"), "\(alert.detail)")
        // Back to the usual price for half an hour: the anomaly ended, so the alert resolves.
        for m in 0..<30 { _ = try await store.write(Self.requests(20, at: Self.t0 + Int64(m + 1) * Self.minute)) }
        await engine.tick(atNanos: Self.t0 + 30 * Self.minute)
        #expect(await engine.alerts().first?.status == .resolved)
    }

    @Test func aBudgetRuleFiresCriticalOnceABudgetIsExceeded() async throws {
        let channel = RecordingChannel()
        let store = InMemoryTelemetryStore()
        var logger = Logger(label: "alerts.test")
        logger.logLevel = .critical
        let budgets = BudgetBook(BudgetSet(budgets: [Budget(name: "rag", amountUSD: 0.015, period: .daily, filters: ["service": "rag"])]),
                                 dimensions: ["service"])
        let engine = AlertEngine(
            rules: AlertRuleSet(rules: [AlertRule(name: "budgets", kind: .budget)]), analytics: TelemetryAnalytics(store: store),
            channels: [channel], dashboardURL: "http://loupe.test", logger: logger, budgets: budgets
        )
        _ = try await store.write(Self.requests(10, at: Self.t0))
        await engine.tick(atNanos: Self.t0)
        // Two thirds spent: information, not yet a warning.
        #expect(channel.notifications.map(\.alert.severity) == [.info])
        _ = try await store.write(Self.requests(10, at: Self.t0 + Self.minute))
        await engine.tick(atNanos: Self.t0 + Self.minute)
        let alert = try #require(channel.notifications.last?.alert)
        #expect(alert.key == ["budget": "rag", "service": "rag"] && alert.severity == .critical)
        #expect(alert.detail.hasPrefix("budget rag: $0.0200 of $0.0150 spent (133%)"), "\(alert.detail)")
        #expect(channel.notifications.last?.dashboardURL.contains("/ui/cost?") == true)
        #expect(channel.notifications.last?.dashboardURL.contains("budget=") == false)
    }
}
