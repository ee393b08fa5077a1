import LoupeCore
import Synchronization

/// A store that keeps everything in memory: for tests and for trying Loupe without a disk.
public final class InMemoryTelemetryStore: TelemetryStore {
    private struct State {
        var spans: [String: [String: SpanRecord]] = [:]
        var rollups: [RollupKey: RollupMeasures] = [:]
        var traces: [String: TraceSummary] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public func write(_ spans: [SpanRecord]) async throws -> WriteOutcome {
        state.withLock { state in
            var outcome = WriteOutcome()
            var rollups = RollupAggregator()
            var traces = TraceSummaryAggregator()
            for span in spans {
                if state.spans[span.traceId]?[span.spanId] != nil {
                    outcome.duplicates += 1
                    continue
                }
                state.spans[span.traceId, default: [:]][span.spanId] = span
                rollups.add(span)
                traces.add(span)
                outcome.inserted += 1
            }
            for (key, measures) in rollups.rows { state.rollups[key, default: RollupMeasures()].merge(measures) }
            for (id, delta) in traces.traces {
                if state.traces[id] == nil { state.traces[id] = delta } else { state.traces[id]?.merge(delta) }
            }
            return outcome
        }
    }

    public func rollups(_ query: RollupQuery) async throws -> [RollupRow] {
        state.withLock { state in
            state.rollups.compactMap { query.matches($0.key) ? RollupRow(key: $0.key, measures: $0.value) : nil }
        }
    }

    public func traces(_ query: TraceQuery) async throws -> [TraceSummary] {
        state.withLock { state in
            Array(state.traces.values.filter(query.matches).sorted { $0.startNanos > $1.startNanos }.prefix(query.limit))
        }
    }

    public func spans(traceId: String) async throws -> [SpanRecord] {
        state.withLock { state in
            (state.spans[traceId]?.values).map { $0.sorted { ($0.startNanos, $0.spanId) < ($1.startNanos, $1.spanId) } } ?? []
        }
    }
}
