import Foundation
import LoupeAnalytics
import LoupeStore

/// What the store holds about one end user, erased (GDPR article 17) or exported (article 20),
/// each written to the audit trail under the user's pseudonym (``UserPseudonym``), for the API and
/// the CLI alike.
public struct UserRecords: Sendable {
    let store: any TelemetryStore
    let analytics: TelemetryAnalytics
    let pseudonyms: UserPseudonym
    let now: @Sendable () -> Int64

    /// Most of a user's traces an export holds; past it, the export says it was cut.
    public static let maxExportTraces = 10_000

    public init(store: any TelemetryStore, analytics: TelemetryAnalytics, pseudonyms: UserPseudonym, now: @escaping @Sendable () -> Int64) {
        self.store = store
        self.analytics = analytics
        self.pseudonyms = pseudonyms
        self.now = now
    }

    /// Erases the user; returns the name the audit trail gives them and what went.
    public func erase(_ user: String, actor: String, client: String = "") async throws -> (name: String, deleted: DeletedCounts) {
        let name = pseudonyms.name(user), at = now()
        let deleted = try await store.eraseUser(user) { deleted in
            AuditRecord(
                atNanos: at, actor: actor, action: "user.erased", target: name, client: client,
                detail: "\(deleted.traces) traces, \(deleted.spans) spans, \(deleted.scores) scores, \(deleted.rollupRows) rollup rows"
            )
        }
        return (name, deleted)
    }

    /// Everything stored about the user as JSON: their traces span by span, content included, and their scores.
    public func export(_ user: String, actor: String, client: String = "") async throws -> Data {
        let summaries = try await store.traces(TraceQuery(fromNanos: 0, toNanos: .max, limit: Self.maxExportTraces + 1, user: user))
        var traces: [TraceDetailBody] = []
        for summary in summaries.prefix(Self.maxExportTraces) {
            if let detail = try await analytics.trace(id: summary.traceId) { traces.append(TraceDetailBody(detail)) }
        }
        let scores = try await store.scores(ScoreQuery(fromNanos: 0, toNanos: .max, userId: user, limit: 100_000))
        _ = try await store.appendAudit([AuditRecord(
            atNanos: now(), actor: actor, action: "user.exported", target: pseudonyms.name(user), client: client,
            detail: "\(traces.count) traces, \(scores.count) scores"
        )])
        let body = UserExportBody(
            user: user, exportedAt: Timestamps.format(nanos: now()),
            truncated: summaries.count > Self.maxExportTraces, traces: traces, scores: scores.map(ScoreListBody.Item.init)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(body)
    }
}
