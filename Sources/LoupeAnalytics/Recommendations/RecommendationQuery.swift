import LoupeStore

/// What ``TelemetryAnalytics/recommendations(_:)`` looks at.
public struct RecommendationQuery: Sendable, Hashable {
    public var range: TimeRange
    public var project: String?
    public var service: String?
    /// Newest traces read span by span (with their attributes) for what rollups do not hold:
    /// finish reasons, request limits, prompt hashes, retrieval scores, stage timings.
    public var sampleTraces: Int
    /// Only these kinds; all when empty.
    public var kinds: Set<Recommendation.Kind>

    /// As many as the stage breakdown reads: enough for the rules' minimum counts on a few services,
    /// and well inside a query's time (reading a trace with its attributes is the costly part).
    public static let defaultSampleTraces = 500
    /// Seven days: long enough to hold a week's pattern, and what the savings are scaled from.
    public static let defaultRangeSeconds: Int64 = 7 * 86_400

    public init(
        range: TimeRange, project: String? = nil, service: String? = nil, sampleTraces: Int = RecommendationQuery.defaultSampleTraces,
        kinds: Set<Recommendation.Kind> = []
    ) {
        self.range = range
        self.project = project
        self.service = service
        self.sampleTraces = sampleTraces
        self.kinds = kinds
    }

    var filters: [TelemetryDimension: String] {
        var filters: [TelemetryDimension: String] = [:]
        filters[.project] = project
        filters[.service] = service
        return filters
    }
}
