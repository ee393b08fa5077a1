import Foundation
import LoupeCore
import Synchronization

/// Retention's deletes and a user's erasure.
extension InMemoryTelemetryStore {
    public func deleteExpiredTraces(_ request: ExpiryRequest) async throws -> DeletedCounts {
        state.withLock { state in
            let expired = state.traces.values.filter { $0.startNanos < request.beforeNanos && request.projects.contains($0.project) }
                .sorted { ($0.startNanos, $0.traceId) < ($1.startNanos, $1.traceId) }.prefix(request.limit)
            let horizon = request.orphanScoreHorizon(batchCount: expired.count, newestStart: expired.last?.startNanos)
            var counts = state.remove(traces: Set(expired.map(\.traceId)))
            let sessionScores = state.scores.values.filter {
                $0.timestampNanos < horizon && request.projects.contains($0.project)
                    && ($0.target.traceId.map { state.traces[$0] == nil } ?? true)
            }
            for score in sessionScores { state.scores[score.id] = nil }
            counts.scores += sessionScores.count
            let untraced = state.logs.values.filter { $0.traceId == nil && $0.timeNanos < horizon && request.projects.contains($0.project) }
            for record in untraced { state.logs[record.id] = nil }
            counts.logRecords += untraced.count
            return counts
        }
    }

    public func oldestData() async throws -> OldestData {
        state.withLock { state in
            OldestData(
                traceStartNanos: state.traces.values.map(\.startNanos).min(),
                rollupStartNanos: state.rollups.keys.map(\.minute).min().map { $0 * 60_000_000_000 }
            )
        }
    }

    public func deleteExpiredRollups(_ request: ExpiryRequest) async throws -> DeletedCounts {
        state.withLock { state in
            let beforeMinute = request.beforeNanos / 60_000_000_000
            let expired = state.rollups.keys.filter { $0.minute < beforeMinute && request.projects.contains($0.project) }
            for key in expired { state.rollups[key] = nil }
            return DeletedCounts(rollupRows: expired.count)
        }
    }

    public func eraseUser(_ userId: String, audit: @Sendable (DeletedCounts) -> AuditRecord) async throws -> DeletedCounts {
        state.withLock { state in
            var traces = Set(state.traces.values.filter { $0.userId == userId }.map(\.traceId))
            for (traceId, spans) in state.spans where spans.values.contains(where: { $0.userId == userId }) { traces.insert(traceId) }
            let sessions = Set(traces.compactMap { state.traces[$0]?.sessionId })
            let scores = state.scores.values.filter { $0.userId == userId || $0.target.sessionId.map(sessions.contains) == true }
            for score in scores { state.scores[score.id] = nil }
            var counts = state.remove(traces: traces)
            counts.scores += scores.count
            let rows = state.rollups.keys.filter { $0.user == userId }
            for key in rows { state.rollups[key] = nil }
            counts.rollupRows = rows.count
            for index in state.alertEvents.indices {
                if state.alertEvents[index].key["user"] == userId { state.alertEvents[index].key["user"] = "[erased user]" }
                state.alertEvents[index].detail = state.alertEvents[index].detail.replacingOccurrences(of: userId, with: "[erased user]")
            }
            state.append(audit: [audit(counts)])
            return counts
        }
    }
}
