import Hummingbird
import LoupeAnalytics

/// `GET /api/v1/recommendations`: what to change, largest saving first.
struct RecommendationsBody: ResponseEncodable, Sendable {
    struct Evidence: Encodable, Sendable {
        var label: String
        var value: String
    }

    struct Item: Encodable, Sendable {
        var kind: String
        var area: String
        var scope: [String: String]
        var action: String
        var reason: String
        var evidence: [Evidence]
        var exampleTraces: [String]
        var monthlySavingUSD: Double?
        var latencyGainMs: Double?
        var confidence: Double
        var confidenceLevel: String

        enum CodingKeys: String, CodingKey {
            case kind, area, scope, action, reason, evidence, confidence
            case exampleTraces = "example_traces"
            case monthlySavingUSD = "monthly_saving_usd"
            case latencyGainMs = "latency_gain_ms"
            case confidenceLevel = "confidence_level"
        }

        init(_ r: Recommendation) {
            kind = r.kind.rawValue
            area = r.kind.area
            scope = r.scope
            action = r.action
            reason = r.reason
            evidence = r.evidence.map { Evidence(label: $0.label, value: $0.value) }
            exampleTraces = r.exampleTraces
            monthlySavingUSD = r.monthlySavingUSD
            latencyGainMs = r.latencyGainMs
            confidence = r.confidence
            confidenceLevel = r.confidenceLevel
        }

        /// Writes an unknown saving or gain as null: absent reads like a field this version lacks.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(area, forKey: .area)
            try c.encode(scope, forKey: .scope)
            try c.encode(action, forKey: .action)
            try c.encode(reason, forKey: .reason)
            try c.encode(evidence, forKey: .evidence)
            try c.encode(exampleTraces, forKey: .exampleTraces)
            try c.encode(monthlySavingUSD, forKey: .monthlySavingUSD)
            try c.encode(latencyGainMs, forKey: .latencyGainMs)
            try c.encode(confidence, forKey: .confidence)
            try c.encode(confidenceLevel, forKey: .confidenceLevel)
        }
    }

    var from: String
    var to: String
    var observedSeconds: Int64
    var sampledTraces: Int
    var totalMonthlySavingUSD: Double
    var recommendations: [Item]

    enum CodingKeys: String, CodingKey {
        case from, to, recommendations
        case observedSeconds = "observed_seconds"
        case sampledTraces = "sampled_traces"
        case totalMonthlySavingUSD = "total_monthly_saving_usd"
    }

    init(_ report: RecommendationReport) {
        from = Timestamps.format(nanos: report.query.range.fromNanos)
        to = Timestamps.format(nanos: report.query.range.toNanos)
        observedSeconds = report.observedSeconds
        sampledTraces = report.sampledTraces
        totalMonthlySavingUSD = report.totalMonthlySavingUSD
        recommendations = report.recommendations.map(Item.init)
    }
}
