import LoupeStore

/// One conversation or session of a user: its traces taken together.
public struct SessionSummary: Sendable, Hashable {
    public var sessionId: String
    public var traces: Int
    /// Traces with a failed span.
    public var failedTraces: Int
    public var startNanos: Int64
    public var endNanos: Int64
    public var inputTokens: Int64
    public var outputTokens: Int64
    public var costUSD: Double

    public var durationMs: Double { Double(endNanos - startNanos) / 1_000_000 }

    /// Sessions of these traces, most recently active first; traces without a session are left out.
    public static func grouping(_ traces: [TraceSummary]) -> [SessionSummary] {
        var sessions: [String: SessionSummary] = [:]
        for trace in traces {
            guard let id = trace.sessionId else { continue }
            var session = sessions[id] ?? SessionSummary(
                sessionId: id, traces: 0, failedTraces: 0, startNanos: trace.startNanos, endNanos: trace.endNanos,
                inputTokens: 0, outputTokens: 0, costUSD: 0
            )
            session.traces += 1
            if trace.errorCount > 0 { session.failedTraces += 1 }
            session.startNanos = min(session.startNanos, trace.startNanos)
            session.endNanos = max(session.endNanos, trace.endNanos)
            session.inputTokens += trace.inputTokens
            session.outputTokens += trace.outputTokens
            session.costUSD += trace.costUSD
            sessions[id] = session
        }
        return sessions.values.sorted { ($0.endNanos, $0.sessionId) > ($1.endNanos, $1.sessionId) }
    }
}
