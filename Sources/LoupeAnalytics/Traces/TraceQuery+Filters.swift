import LoupeStore

extension TraceQuery {
    /// Built-in dimensions a trace list filters by. Operation, provider and error category describe
    /// single spans, not traces, so they are not among them.
    public static let filterableBuiltIns: Set<TelemetryDimension> = [.project, .service, .user, .model, .status]

    /// The filters of a view, as a trace query: `status` is `ok` or `error`, any business dimension
    /// matches traces with a span that carries the value. Filters a trace list cannot apply are
    /// left out; ``unfilterable(_:)`` names them.
    public init(
        range: TimeRange, filters: [TelemetryDimension: String], limit: Int, session: String? = nil,
        minDurationMs: Double? = nil, minCostUSD: Double? = nil
    ) throws(AnalyticsError) {
        var hasErrors: Bool?
        if let status = filters[.status] {
            guard status == "ok" || status == "error" else { throw .badFilter("status", "must be ok or error") }
            hasErrors = status == "error"
        }
        var dimensions: [String: String] = [:]
        for (dimension, value) in filters where !dimension.isBuiltIn { dimensions[dimension.name] = value }
        self.init(
            fromNanos: range.fromNanos, toNanos: range.toNanos, limit: limit, project: filters[.project], service: filters[.service],
            user: filters[.user], session: session, hasErrors: hasErrors, minDurationNanos: minDurationMs.map { Int64($0 * 1_000_000) },
            minCostUSD: minCostUSD, model: filters[.model], dimensions: dimensions
        )
    }

    /// The filters among these that a trace list cannot apply.
    public static func unfilterable(_ filters: [TelemetryDimension: String]) -> [TelemetryDimension] {
        filters.keys.filter { $0.isBuiltIn && !filterableBuiltIns.contains($0) }.sorted()
    }
}
