import Hummingbird
import LoupeAnalytics
import LoupeCore

/// What `GET /api/v1/quality` answers.
struct QualityBody: ResponseEncodable, Sendable {
    struct Mean: Encodable, Sendable {
        var name: String
        var group: String?
        var count: Int
        var mean: Double
    }

    struct Correlation: Encodable, Sendable {
        var name: String
        var against: String
        var spearmanRho: Double
        var pValue: Double
        var count: Int

        enum CodingKeys: String, CodingKey { case name, against, count, spearmanRho = "spearman_rho", pValue = "p_value" }
    }

    var from: String
    var to: String
    var stepSeconds: Int64
    var overall: [Mean]
    var byService: [Mean]
    var byModel: [Mean]
    var byPromptVersion: [Mean]
    var byDimension: [String: [Mean]]
    var overTime: [Mean]
    var byLatency: [Mean]
    var correlations: [Correlation]
    var truncated: Bool

    enum CodingKeys: String, CodingKey {
        case from, to, overall, correlations, truncated
        case stepSeconds = "step_seconds", byService = "by_service", byModel = "by_model"
        case byPromptVersion = "by_prompt_version", byDimension = "by_dimension", overTime = "over_time", byLatency = "by_latency"
    }

    init(_ r: QualityReport) {
        from = Timestamps.format(nanos: r.range.fromNanos)
        to = Timestamps.format(nanos: r.range.toNanos)
        stepSeconds = r.stepSeconds
        overall = r.overall.map { Mean(name: $0.name, count: $0.count, mean: $0.mean) }
        let grouped = { (means: [QualityReport.Mean]) in means.map { Mean(name: $0.name, group: $0.group, count: $0.count, mean: $0.mean) } }
        byService = grouped(r.byService)
        byModel = grouped(r.byModel)
        byPromptVersion = grouped(r.byPromptVersion)
        byDimension = r.byDimension.mapValues(grouped)
        overTime = r.overTime.map { Mean(name: $0.name, group: Timestamps.format(nanos: (Int64($0.group) ?? 0) * 60_000_000_000), count: $0.count, mean: $0.mean) }
        byLatency = grouped(r.byLatency)
        correlations = r.correlations.map {
            Correlation(name: $0.name, against: $0.against, spearmanRho: $0.spearman.rho, pValue: $0.spearman.pValue, count: $0.spearman.count)
        }
        truncated = r.truncated
    }
}
