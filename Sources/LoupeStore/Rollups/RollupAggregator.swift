import LoupeCore

/// Folds newly stored spans into per-minute rollup rows, one per grain; every store uses it so all agree.
public struct RollupAggregator: Sendable {
    public private(set) var rows: [RollupKey: RollupMeasures] = [:]

    public init() {}

    public mutating func add(_ span: SpanRecord) {
        let bucket = LatencyHistogram.bucketIndex(ofMs: span.durationMs)
        for key in Self.keys(for: span) { rows[key, default: RollupMeasures()].add(span, latencyBucket: bucket) }
    }

    /// Adds measures that stand for many spans (a metric's data point) to the rows a span like them counts in.
    public mutating func add(_ measures: RollupMeasures, like span: SpanRecord) {
        for key in Self.keys(for: span) { rows[key, default: RollupMeasures()].merge(measures) }
    }

    /// The rollup rows a span counts in: one per grain.
    public static func keys(for span: SpanRecord) -> [RollupKey] {
        let minute = UnixMinute.containing(nanos: span.startNanos)
        let status = span.value(of: .status)
        let operation = span.operation.rawValue
        let provider = span.provider ?? ""
        let model = span.model ?? ""
        let errorCategory = span.value(of: .errorCategory)
        let role = span.role
        let core = RollupKey(
            grain: .core, minute: minute, project: span.project, service: span.service, operation: operation,
            provider: provider, model: model, status: status, errorCategory: errorCategory, role: role
        )
        // Unlabelled spans land in the business grain too (with no business values), so every grain adds up to the same totals.
        let business = core.with(grain: .business, business: BusinessDimensions.canonical(span.dimensions))
        let user = RollupKey(
            grain: .user, minute: RollupGrain.user.rowMinute(minute), project: span.project, service: span.service, operation: operation,
            provider: provider, model: model, status: status, user: span.userId ?? "", role: role
        )
        return [core, business, user]
    }

    public mutating func merge(_ other: RollupAggregator) {
        for (key, measures) in other.rows { rows[key, default: RollupMeasures()].merge(measures) }
    }

    public var isEmpty: Bool { rows.isEmpty }
}
