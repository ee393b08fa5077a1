import Foundation
import Hummingbird
import LoupeAlerts
import LoupeCore
import LoupeStore

/// The alerts API under `/api/v1/alerts`: alerts, their history, acknowledge, silence and resolve,
/// and the rules, which can be added, replaced and removed while the server runs.
struct AlertRoutes<Context: RequestContext>: Sendable {
    let engine: AlertEngine
    let store: any TelemetryStore
    let now: @Sendable () -> Int64

    func addRoutes(to router: Router<Context>) {
        let api = router.group("api/v1/alerts")
        api.get { _, _ in await list() }
        api.get("rules") { _, _ in AlertRulesBody(rules: await engine.rules.rules, channels: await engine.rules.channels) }
        api.put("rules/:name") { request, context in try await upsert(request, context: context, name: context.parameters.get("name")) }
        api.post("rules") { request, context in try await upsert(request, context: context, name: nil) }
        api.delete("rules/:name") { _, context -> Response in
            let name = context.parameters.get("name") ?? ""
            guard await engine.remove(rule: name) else { throw APIError.notFound("no alert rule named '\(name)'") }
            return Response(status: .noContent)
        }
        api.get("history") { request, _ in try await history(request) }
        api.post(":id/ack") { request, context in
            let action = try await Self.action(request, context: context)
            return try await state(engine.acknowledge(context.parameters.get("id") ?? "", by: action.by ?? "api", atNanos: now()))
        }
        api.post(":id/silence") { request, context in
            let action = try await Self.action(request, context: context)
            guard let text = action.until, let until = Self.until(text, now: now()) else {
                throw APIError.badParameter("until", "give a duration such as 2h or an ISO 8601 time in the future")
            }
            return try await state(engine.silence(context.parameters.get("id") ?? "", untilNanos: until, atNanos: now()))
        }
        api.post(":id/resolve") { _, context in
            try await state(engine.resolve(context.parameters.get("id") ?? "", atNanos: now()))
        }
    }

    func list() async -> AlertListBody {
        AlertListBody(alerts: await engine.alerts().map(AlertListBody.Item.init), failingRules: await engine.failures)
    }

    private func state(_ alert: AlertState?) throws -> AlertListBody.Item {
        guard let alert else { throw APIError.notFound("no such alert: see GET /api/v1/alerts for the ids") }
        return AlertListBody.Item(alert)
    }

    private func upsert(_ request: Request, context: Context, name: String?) async throws -> AlertRulesBody {
        let body = try await request.body.collect(upTo: 1 << 20)
        let rule: AlertRule
        do {
            rule = try JSONDecoder().decode(AlertRule.self, from: Data(body.readableBytesView))
        } catch let error as DecodingError {
            throw APIError(status: .badRequest, message: "invalid rule: \(AlertRuleSet.describe(error))")
        } catch {
            throw APIError(status: .badRequest, message: "invalid rule: the body must be a JSON rule")
        }
        if let name, name != rule.name {
            throw APIError(status: .badRequest, message: "the rule's name '\(rule.name)' differs from the one in the path '\(name)'")
        }
        do {
            try await engine.upsert(rule)
        } catch {
            throw APIError(status: .badRequest, message: "invalid rule: \(error.description)")
        }
        return AlertRulesBody(rules: await engine.rules.rules, channels: await engine.rules.channels)
    }

    private func history(_ request: Request) async throws -> AlertHistoryBody {
        let query = request.uri.queryParameters
        let to = try query.get("to").map(Self.time) ?? now()
        let from = try query.get("from").map(Self.time) ?? to - 86_400_000_000_000
        let limit = query.get("limit").flatMap { Int($0) } ?? 500
        guard (1...10_000).contains(limit) else { throw APIError.badParameter("limit", "must be from 1 to 10000") }
        let events = try await store.alertEvents(
            AlertEventQuery(fromNanos: from, toNanos: to, alertId: query.get("alert"), limit: limit)
        )
        return AlertHistoryBody(events: events.map { e in
            .init(at: Timestamps.format(nanos: e.atNanos), alertId: e.alertId, rule: e.rule, key: e.key, event: e.event,
                  severity: e.severity, value: e.value, detail: e.detail)
        })
    }

    private static func time(_ text: String) throws -> Int64 {
        guard let nanos = Timestamps.parse(text) else { throw APIError.badParameter("from", "'\(text)' is not a time") }
        return nanos
    }

    static func action(_ request: Request, context: Context) async throws -> AlertActionRequest {
        let body = try await request.body.collect(upTo: 64 << 10)
        guard body.readableBytes > 0 else { return AlertActionRequest() }
        do {
            return try JSONDecoder().decode(AlertActionRequest.self, from: Data(body.readableBytesView))
        } catch {
            throw APIError(status: .badRequest, message: "the body must be JSON like {\"by\": \"ana\", \"until\": \"2h\"}")
        }
    }

    /// `2h` from now, or an absolute time; nil when neither, or not in the future.
    static func until(_ text: String, now: Int64) -> Int64? {
        if let seconds = DurationText.seconds(text) { return now + seconds * 1_000_000_000 }
        guard let time = Timestamps.parse(text), time > now else { return nil }
        return time
    }
}
