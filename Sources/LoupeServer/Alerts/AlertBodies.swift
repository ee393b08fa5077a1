import Foundation
import Hummingbird
import LoupeAlerts

/// `GET /api/v1/alerts`: the alerts the engine tracks, and the rules it could not evaluate.
struct AlertListBody: ResponseEncodable, Sendable {
    struct Item: ResponseEncodable, Sendable {
        var id: String
        var rule: String
        var status: String
        var severity: String
        var key: [String: String]
        var value: Double?
        var detail: String
        var startedAt: String
        var firedAt: String?
        var resolvedAt: String?
        var acknowledgedBy: String?
        var silencedUntil: String?

        init(_ a: AlertState) {
            id = a.id
            rule = a.rule
            status = a.status.rawValue
            severity = a.severity.rawValue
            key = a.key
            value = a.value
            detail = a.detail
            startedAt = Timestamps.format(nanos: a.startedNanos)
            firedAt = a.firedNanos.map { Timestamps.format(nanos: $0) }
            resolvedAt = a.resolvedNanos.map { Timestamps.format(nanos: $0) }
            acknowledgedBy = a.acknowledgedBy
            silencedUntil = a.silencedUntilNanos.map { Timestamps.format(nanos: $0) }
        }

        enum CodingKeys: String, CodingKey {
            case id, rule, status, severity, key, value, detail
            case startedAt = "started_at"
            case firedAt = "fired_at"
            case resolvedAt = "resolved_at"
            case acknowledgedBy = "acknowledged_by"
            case silencedUntil = "silenced_until"
        }
    }

    var alerts: [Item]
    var failingRules: [String: String]

    enum CodingKeys: String, CodingKey {
        case alerts
        case failingRules = "failing_rules"
    }
}

/// `GET /api/v1/alerts/rules`: the rules in force and the channels (without their secrets).
struct AlertRulesBody: ResponseEncodable, Sendable {
    var rules: [AlertRule]
    var channels: [AlertChannelConfig]
}

/// `GET /api/v1/alerts/history`.
struct AlertHistoryBody: ResponseEncodable, Sendable {
    struct Item: Encodable, Sendable {
        var at: String
        var alertId: String
        var rule: String
        var key: [String: String]
        var event: String
        var severity: String
        var value: Double?
        var detail: String

        enum CodingKeys: String, CodingKey {
            case at, rule, key, event, severity, value, detail
            case alertId = "alert_id"
        }
    }

    var events: [Item]
}

/// The body of `POST /api/v1/alerts/{id}/ack` and `/silence`.
struct AlertActionRequest: Decodable, Sendable {
    var by: String?
    /// A duration (`2h`) or an ISO 8601 time.
    var until: String?
}
