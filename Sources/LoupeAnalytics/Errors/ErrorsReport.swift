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

    /// Groups failed spans; spans stored before classification existed fall under `unknown`.
    public init(query: ErrorsQuery, spans: [SpanRecord], truncated: Bool) {
        self.query = query
        self.truncated = truncated
        let matching = spans.filter { span in query.filters.allSatisfy { span.value(of: $0.key) == $0.value } }
        totalErrors = matching.count
        // A failed span is a root cause unless one of its own children failed too.
        struct SpanKey: Hashable {
            var traceId: String
            var spanId: String
        }
        var failedParents = Set<SpanKey>()
        for span in spans {
            if let parent = span.parentSpanId { failedParents.insert(SpanKey(traceId: span.traceId, spanId: parent)) }
        }
        let causes = matching.filter { !failedParents.contains(SpanKey(traceId: $0.traceId, spanId: $0.spanId)) }
        rootCauses = causes.count
        struct Key: Hashable {
            var values: [String]
            var category: ErrorCategory
        }
        var byKey: [Key: [String: ErrorFingerprintGroup]] = [:]
        // Newest first, so the first span seen in a group is its sample and its first example.
        for span in causes.sorted(by: { $0.startNanos > $1.startNanos }) {
            let category = span.errorCategory.flatMap(ErrorCategory.init(rawValue:)) ?? .unknown
            let key = Key(values: query.groupBy.map { span.value(of: $0) }, category: category)
            let fingerprint = span.errorFingerprint ?? "unfingerprinted"
            var group = byKey[key, default: [:]][fingerprint] ?? ErrorFingerprintGroup(
                fingerprint: fingerprint, count: 0, firstSeenNanos: span.startNanos, lastSeenNanos: span.startNanos,
                errorType: span.errorType, sampleMessage: span.errorMessage, models: [:], operations: [:], services: [:],
                exampleTraceIds: []
            )
            group.count += 1
            group.firstSeenNanos = min(group.firstSeenNanos, span.startNanos)
            if let model = span.model { group.models[model, default: 0] += 1 }
            group.operations[span.operation.rawValue, default: 0] += 1
            group.services[span.service, default: 0] += 1
            if group.exampleTraceIds.count < query.examplesPerFingerprint, !group.exampleTraceIds.contains(span.traceId) {
                group.exampleTraceIds.append(span.traceId)
            }
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
