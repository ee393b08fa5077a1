import Foundation
import LoupeCore
import Synchronization

/// A store that keeps everything in memory: for tests and for trying Loupe without a disk.
public final class InMemoryTelemetryStore: TelemetryStore {
    struct State {
        var spans: [String: [String: SpanRecord]] = [:]
        var rollups: [RollupKey: RollupMeasures] = [:]
        var logs: [String: LogRecord] = [:]
        var traces: [String: TraceSummary] = [:]
        var callResponses: [CallResponseKey: [CallResponseClaim]] = [:]
        var alertEvents: [AlertEvent] = []
        var accessKeys: [AccessKey] = []
        var audit: [AuditEntry] = []
        var scores: [String: Score] = [:]
        /// By trace id, then span id.
        var retrievals: [String: [String: Retrieval]] = [:]

        /// Chains records onto the audit trail.
        @discardableResult
        mutating func append(audit records: [AuditRecord]) -> [AuditEntry] {
            records.map { record in
                let entry = AuditEntry.appending(record, after: audit.last.map { ($0.sequence, $0.hash) })
                audit.append(entry)
                return entry
            }
        }

        /// Removes traces with their spans, their scores and their retrieval steps.
        mutating func remove(traces: Set<String>) -> DeletedCounts {
            var counts = DeletedCounts()
            for traceId in traces {
                counts.spans += spans.removeValue(forKey: traceId)?.count ?? 0
                counts.traces += self.traces.removeValue(forKey: traceId) != nil ? 1 : 0
                counts.retrievals += retrievals.removeValue(forKey: traceId)?.count ?? 0
            }
            let logged = logs.values.filter { $0.traceId.map(traces.contains) == true }
            for record in logged { logs[record.id] = nil }
            counts.logRecords = logged.count
            let scored = scores.values.filter { $0.target.traceId.map(traces.contains) == true }
            for score in scored { scores[score.id] = nil }
            counts.scores = scored.count
            return counts
        }

        /// The trace questions' answers over what the store holds.
        var answers: TraceAnswers { TraceAnswers(traces: traces, scores: scores, retrievals: retrievals) }
    }

    let state = Mutex(State())

    public init() {}

    public func write(_ batch: SpanBatch) async throws -> WriteOutcome {
        state.withLock { state in
            var outcome = WriteOutcome()
            var inserted: [SpanRecord] = []
            let spans = Array(batch.segments.joined())
            var admission = SpanAdmission(
                stored: Dictionary(uniqueKeysWithValues: Set(spans.map(\.traceId)).compactMap { trace in
                    state.spans[trace].map { (trace, $0.mapValues(SpanAdmission.Stored.init)) }
                }),
                claims: Dictionary(uniqueKeysWithValues: Set(spans.compactMap(\.callResponseKey)).compactMap { key in
                    state.callResponses[key].map { (key, $0) }
                })
            )
            for var span in spans where admission.admit(&span, outcome: &outcome) {
                // Kept in the retrieval records, as other stores do (``SpanRecord/documents``).
                span.documents = nil
                state.spans[span.traceId, default: [:]][span.spanId] = span
                inserted.append(span)
            }
            state.callResponses.merge(admission.claims) { $1 }
            for score in batch.scores { state.scores[score.id] = score }
            // A step sent again keeps its first copy, as stores that insert only new rows do.
            for retrieval in batch.retrievals where state.retrievals[retrieval.traceId]?[retrieval.spanId] == nil {
                state.retrievals[retrieval.traceId, default: [:]][retrieval.spanId] = retrieval
            }
            var (rollups, traces) = (batch.rollups, batch.traces)
            if outcome.changedAggregates { (rollups, traces) = SpanBatch.aggregates(of: inserted) }
            rollups.merge(batch.measuredRollups)
            for record in batch.logs where state.logs[record.id] == nil { state.logs[record.id] = record }
            for (key, measures) in rollups.rows { state.rollups[key, default: RollupMeasures()].merge(measures) }
            for (id, delta) in traces.traces {
                if state.traces[id] == nil { state.traces[id] = delta } else { state.traces[id]?.merge(delta) }
            }
            return outcome
        }
    }

    public func logs(traceIds: [String]) async throws -> [LogRecord] {
        let wanted = Set(traceIds)
        return state.withLock { state in
            state.logs.values.filter { $0.traceId.map(wanted.contains) == true }.sorted { ($0.timeNanos, $0.id) < ($1.timeNanos, $1.id) }
        }
    }

    public func rollups(_ query: RollupQuery) async throws -> [RollupRow] {
        state.withLock { state in
            state.rollups.compactMap { query.matches($0.key) ? RollupRow(key: $0.key, measures: $0.value) : nil }
        }
    }

    public func traces(_ query: TraceQuery) async throws -> [TraceSummary] {
        state.withLock { state in
            Array(
                state.traces.values.filter { query.matches($0) && query.matches(spans: state.spans[$0.traceId]?.values ?? [:].values) }
                    .sorted { $0.startNanos > $1.startNanos }.prefix(query.limit)
            )
        }
    }

    public func tracesWithFailedCalls(_ query: TraceQuery) async throws -> [String: Int64] {
        state.withLock { state in
            var counts: [String: Int64] = [:]
            for trace in state.traces.values where trace.rootName != nil && trace.failedCalls > 0 && query.matches(trace) {
                counts[trace.service, default: 0] += 1
            }
            return counts
        }
    }

    public func rootOperations(_ query: TraceQuery) async throws -> [RootOperation] {
        state.withLock { state in
            var counts: [[String]: Int64] = [:]
            let newest = state.traces.values.filter { $0.rootName != nil && query.matches($0) }
                .sorted { $0.startNanos > $1.startNanos }.prefix(query.limit)
            for trace in newest { counts[[trace.service, trace.rootName ?? ""], default: 0] += 1 }
            return counts.map { RootOperation(service: $0.key[0], name: $0.key[1], traces: $0.value) }
                .sorted { ($0.traces, $1.service, $1.name) > ($1.traces, $0.service, $0.name) }
        }
    }

    public func spans(traceIds: [String], withContent: Bool) async throws -> [SpanRecord] {
        var spans: [SpanRecord] = []
        for id in Set(traceIds).sorted() { spans += try await self.spans(traceId: id) }
        return withContent ? spans : spans.map(\.withoutContent)
    }

    public func failedSpans(_ query: FailedSpanQuery) async throws -> [SpanRecord] {
        state.withLock { state in
            let failed = state.spans.values.flatMap(\.values).filter(query.matches)
            let newest = Array(failed.sorted { $0.startNanos > $1.startNanos }.prefix(query.limit))
            return query.withContent ? newest : newest.map(\.withoutContent)
        }
    }

    public func failureModes(_ query: FailureModeQuery) async throws -> FailureModes {
        state.withLock { state in
            FailureModes(failed: state.spans.values.flatMap(\.values).filter(\.isError), query: query)
        }
    }

    public func experimentVariants(_ query: TraceQuery) async throws -> [ExperimentVariantCount] {
        state.withLock { state in
            var counts: [ExperimentLabel: ExperimentVariantCount] = [:]
            for trace in state.traces.values {
                guard let label = trace.experiment, query.matches(trace),
                    query.matches(spans: state.spans[trace.traceId]?.values ?? [:].values)
                else { continue }
                var count = counts[label] ?? ExperimentVariantCount(label: label, traces: 0, firstNanos: trace.startNanos, lastNanos: trace.startNanos)
                count.traces += 1
                count.firstNanos = min(count.firstNanos, trace.startNanos)
                count.lastNanos = max(count.lastNanos, trace.startNanos)
                counts[label] = count
            }
            return counts.values.sorted { ($0.label.experiment, $0.label.variant) < ($1.label.experiment, $1.label.variant) }
        }
    }

    public func experimentArms(_ query: ExperimentArmQuery) async throws -> [ExperimentArm] {
        state.withLock { $0.answers.experimentArms(query) }
    }

    public func requestOutcomes(_ query: RequestOutcomeQuery) async throws -> [RequestOutcome] {
        state.withLock { $0.answers.requestOutcomes(query) }
    }

    public func firstRequests(_ query: EngagementQuery) async throws -> [String: Int64] {
        state.withLock { $0.answers.firstRequests(query) }
    }

    public func sessionShapes(_ query: EngagementQuery) async throws -> [SessionShape] {
        state.withLock { $0.answers.sessionShapes(query) }
    }

    public func scoredRequests(_ query: ScoredRequestQuery) async throws -> [ScoredRequest] {
        state.withLock { $0.answers.scoredRequests(query) }
    }

    public func retrievedRequests(_ query: RetrievalQuery) async throws -> [RetrievedRequest] {
        state.withLock { $0.answers.retrievedRequests(query) }
    }

    public func documentUses(_ query: DocumentUseQuery) async throws -> [DocumentUse] {
        state.withLock { $0.answers.documentUses(query) }
    }

    @discardableResult
    public func writeScores(_ scores: [Score]) async throws -> Int {
        state.withLock { state in
            var new = 0
            for score in scores {
                if state.scores.updateValue(score, forKey: score.id) == nil { new += 1 }
            }
            return new
        }
    }

    public func scores(_ query: ScoreQuery) async throws -> [Score] {
        state.withLock { state in
            Array(state.scores.values.filter(query.matches).sorted { ($0.timestampNanos, $0.id) > ($1.timestampNanos, $1.id) }.prefix(query.limit))
        }
    }

    public func appendAlertEvents(_ events: [AlertEvent]) async throws {
        state.withLock { $0.alertEvents += events }
    }

    public func alertEvents(_ query: AlertEventQuery) async throws -> [AlertEvent] {
        state.withLock { state in
            // Stable: events of one instant keep the order they were appended in, newest last, reversed.
            Array(state.alertEvents.enumerated().filter { query.matches($0.element) }
                .sorted { ($0.element.atNanos, $0.offset) > ($1.element.atNanos, $1.offset) }.map(\.element).prefix(query.limit))
        }
    }

    public func unpricedModels(fromNanos: Int64, toNanos: Int64) async throws -> [UnpricedModel] {
        state.withLock { state in
            var byModel: [[String?]: UnpricedModel] = [:]
            for span in state.spans.values.flatMap(\.values)
            where span.startNanos >= fromNanos && span.startNanos < toNanos && span.countsUsage && span.costUSD == nil
                && span.usage.isReported
            {
                let model = span.responseModel ?? span.requestModel
                var entry = byModel[[span.provider, model]]
                    ?? UnpricedModel(provider: span.provider, model: model ?? "(no model)", calls: 0, inputTokens: 0, outputTokens: 0)
                entry.calls += 1
                entry.inputTokens += span.usage.input ?? 0
                entry.outputTokens += span.usage.output ?? 0
                byModel[[span.provider, model]] = entry
            }
            return byModel.values.sorted { ($0.calls, $1.model) > ($1.calls, $0.model) }
        }
    }

    public func reprice(fromNanos: Int64, toNanos: Int64, price: @Sendable (SpanRecord) -> Double?) async throws -> RepriceOutcome {
        state.withLock { state in
            var deltas = RepriceDeltas()
            for (traceId, spans) in state.spans {
                for (spanId, span) in spans where span.startNanos >= fromNanos && span.startNanos < toNanos {
                    let cost = price(span)
                    if deltas.reprice(span, to: cost) { state.spans[traceId]?[spanId]?.costUSD = cost }
                }
            }
            for (key, delta) in deltas.rollups { state.rollups[key]?.merge(delta) }
            for (id, delta) in deltas.traces { state.traces[id]?.merge(delta) }
            return deltas.outcome
        }
    }

    public func spans(traceId: String) async throws -> [SpanRecord] {
        state.withLock { state in
            (state.spans[traceId]?.values).map { $0.sorted { ($0.startNanos, $0.spanId) < ($1.startNanos, $1.spanId) } } ?? []
        }
    }
}
