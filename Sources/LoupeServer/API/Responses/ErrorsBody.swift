import Hummingbird
import LoupeAnalytics
import LoupeCore

/// `GET /api/v1/errors`: categories with remediation, each with its fingerprints.
struct ErrorsBody: ResponseEncodable, Sendable {
    struct RemediationBody: Encodable, Sendable {
        var summary: String
        var steps: [String]
        var action: String
    }

    struct Fingerprint: Encodable, Sendable {
        var fingerprint: String
        var count: Int
        var firstSeen: String
        var lastSeen: String
        var errorType: String?
        var sampleMessage: String?
        var models: [String: Int]
        var operations: [String: Int]
        var services: [String: Int]
        var users: [String: Int]
        /// Failures per equal slice of the range, when `trend_buckets` asked for them.
        var trend: [Int]?
        var exampleTraces: [String]

        enum CodingKeys: String, CodingKey {
            case fingerprint, count, models, operations, services, users, trend
            case firstSeen = "first_seen"
            case lastSeen = "last_seen"
            case errorType = "error_type"
            case sampleMessage = "sample_message"
            case exampleTraces = "example_traces"
        }
    }

    struct Category: Encodable, Sendable {
        var key: [String: String]
        var category: String
        var title: String
        var count: Int
        var share: Double
        var remediation: RemediationBody
        var fingerprints: [Fingerprint]
    }

    var from: String
    var to: String
    /// Failed spans, as the summary's `spans.errors` counts them.
    var totalErrors: Int
    /// Failures counted once, at their root cause (the deepest failed span): what categories add up to.
    var failures: Int
    var truncated: Bool
    var categories: [Category]

    init(_ report: ErrorsReport) {
        from = Timestamps.format(nanos: report.query.range.fromNanos)
        to = Timestamps.format(nanos: report.query.range.toNanos)
        totalErrors = report.totalErrors
        failures = report.rootCauses
        truncated = report.truncated
        let total = max(report.rootCauses, 1)
        categories = report.groups.map { group in
            Category(
                key: group.key, category: group.category.rawValue, title: group.category.title, count: group.count,
                share: Double(group.count) / Double(total),
                remediation: RemediationBody(
                    summary: group.category.remediation.summary, steps: group.category.remediation.steps,
                    action: group.category.recommendedAction.rawValue
                ),
                fingerprints: group.fingerprints.map { f in
                    Fingerprint(
                        fingerprint: f.fingerprint, count: f.count, firstSeen: Timestamps.format(nanos: f.firstSeenNanos),
                        lastSeen: Timestamps.format(nanos: f.lastSeenNanos), errorType: f.errorType, sampleMessage: f.sampleMessage,
                        models: f.models, operations: f.operations, services: f.services, users: f.users,
                        trend: f.trend.isEmpty ? nil : f.trend,
                        exampleTraces: f.exampleTraceIds.map { "/api/v1/traces/\($0)" }
                    )
                }
            )
        }
    }

    enum CodingKeys: String, CodingKey {
        case from, to, truncated, categories, failures
        case totalErrors = "total_errors"
    }
}
