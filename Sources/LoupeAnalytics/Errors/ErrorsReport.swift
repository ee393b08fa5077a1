import LoupeCore
import LoupeStore

/// The answer to an ``ErrorsQuery``: categories by count, each with its fingerprints.
///
/// A failure that propagates up a trace fails every span on its way (a tool raises, the agent step
/// re-raises, the root records the whole traceback). It is one failure, and its category is its
/// root cause's: categories and fingerprints count only failed spans none of whose children failed.
public struct ErrorsReport: Sendable, Hashable {
    public var query: ErrorsQuery
    /// Failed spans, as the summary's `spans.errors` counts them.
    public var totalErrors: Int
    /// Failures counted once each, at their root cause: what the categories add up to.
    public var rootCauses: Int
    public var groups: [ErrorCategoryGroup]
    /// True when the range held more failures than were read; counts then cover the most recent ones.
    public var truncated: Bool

    /// Groups failure modes by category (and the query's group key); failures stored before
    /// classification existed fall under `unknown`.
    public init(query: ErrorsQuery, modes: FailureModes, truncated: Bool) {
        self.query = query
        self.truncated = truncated
        totalErrors = modes.failedSpans
        rootCauses = modes.rows.reduce(0) { $0 + $1.count }
        struct Key: Hashable {
            var values: [String]
            var category: ErrorCategory
        }
        var byKey: [Key: [String: ErrorFingerprintGroup]] = [:]
        for row in modes.rows {
            let category = row.category.flatMap(ErrorCategory.init(rawValue:)) ?? .unknown
            let key = Key(values: row.key, category: category)
            let fingerprint = row.fingerprint ?? "unfingerprinted"
            let sample = row.fingerprint.flatMap { modes.samples[$0] }
            var group = byKey[key, default: [:]][fingerprint] ?? ErrorFingerprintGroup(
                fingerprint: fingerprint, count: 0, firstSeenNanos: row.firstSeenNanos, lastSeenNanos: row.lastSeenNanos,
                errorType: sample?.errorType, sampleMessage: sample?.message, models: [:], operations: [:], services: [:],
                users: [:], exampleTraceIds: sample?.traceIds ?? [], trend: row.fingerprint.flatMap { modes.trends[$0] } ?? []
            )
            group.count += row.count
            group.firstSeenNanos = min(group.firstSeenNanos, row.firstSeenNanos)
            group.lastSeenNanos = max(group.lastSeenNanos, row.lastSeenNanos)
            if let model = row.model { group.models[model, default: 0] += row.count }
            if let operation = row.operation { group.operations[operation, default: 0] += row.count }
            if let service = row.service { group.services[service, default: 0] += row.count }
            if let user = row.user { group.users[user, default: 0] += row.count }
            byKey[key, default: [:]][fingerprint] = group
        }
        groups = byKey.map { key, fingerprints in
            let sorted = fingerprints.values.sorted { ($0.count, $1.fingerprint) > ($1.count, $0.fingerprint) }
            return ErrorCategoryGroup(
                key: Dictionary(uniqueKeysWithValues: zip(query.groupBy.map(\.name), key.values)), category: key.category,
                count: sorted.reduce(0) { $0 + $1.count }, fingerprints: sorted
            )
        }.sorted { ($0.count, $1.category.rawValue) > ($1.count, $0.category.rawValue) }
    }
}
