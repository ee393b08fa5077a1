import Hummingbird
import LoupeAnalytics

/// `GET /api/v1/health/models`: each model's recent health and the state a router should give it.
struct ModelHealthBody: ResponseEncodable, Sendable {
    struct Item: Encodable, Sendable {
        var provider: String
        var model: String
        var calls: Int64
        var errorRate: Double?
        var errorsByCategory: [String: Int64]
        var p95Ms: Double?
        var rateLimitShare: Double?
        var state: String
        var reason: String

        enum CodingKeys: String, CodingKey {
            case provider, model, calls, state, reason
            case errorRate = "error_rate"
            case errorsByCategory = "errors_by_category"
            case p95Ms = "p95_ms"
            case rateLimitShare = "rate_limit_share"
        }
    }

    var windowSeconds: Int64
    var models: [Item]

    init(windowSeconds: Int64, _ models: [ModelHealth]) {
        self.windowSeconds = windowSeconds
        self.models = models.map { m in
            Item(provider: m.provider, model: m.model, calls: m.calls, errorRate: m.errorRate, errorsByCategory: m.errorsByCategory,
                 p95Ms: m.p95Ms, rateLimitShare: m.rateLimitShare, state: m.state.rawValue, reason: m.reason)
        }
    }

    enum CodingKeys: String, CodingKey {
        case models
        case windowSeconds = "window_seconds"
    }
}
