import LoupeCore
import LoupeStore

/// The questions asked of traces with their scores and retrieval steps: ClickHouse adds up the
/// traces the question can concern, and ``TraceAnswers`` (the in-memory store's answers) answers
/// over them, so both stores give the same answer by construction.
extension ClickHouseTelemetryStore {
    public func experimentArms(_ query: ExperimentArmQuery) async throws -> [ExperimentArm] {
        let range = TraceQuery(fromNanos: query.fromNanos, toNanos: query.toNanos, project: query.project, service: query.service)
        // Only what an arm's tally (``ArmTally``) and the grouping read: a third less to send and merge.
        let read = ["t_project", "t_service", "t_user", "t_session", "t_errors", "t_end", "t_cost"] + TraceSummarySelect.armValues(query.grouping)
        async let traces = summaries(TraceSummarySelect.sql(range, limit: nil, having: TraceSummarySelect.hasArm(query.grouping), values: read))
        var scored = "at_ns >= \(query.fromNanos - ExperimentArmQuery.scoreLeadNanos)"
        if let project = query.project { scored += " AND project = \(ClickHouseSQL.string(project))" }
        async let scores = latestScores(where: scored)
        return try await TraceAnswers(traces: traces, scores: scores, retrievals: [:]).experimentArms(query)
    }

    public func requestOutcomes(_ query: RequestOutcomeQuery) async throws -> [RequestOutcome] {
        let range = TraceQuery(fromNanos: query.fromNanos, toNanos: query.toNanos, project: query.project)
        // Unlabelled requests count too when asked for; otherwise only those with an arm.
        let armed = query.unlabelled ? nil : TraceSummarySelect.hasArm(query.grouping)
        // Asked only for requests with negative feedback, only those with feedback are read: few of a range's.
        let withFeedback = """
            trace_id IN (SELECT trace_id FROM scores WHERE source = 'user_feedback')
            OR ifNull(session_id, '') IN (SELECT session_id FROM scores WHERE source = 'user_feedback' AND session_id != '')
            """
        async let traces = summaries(
            TraceSummarySelect.sql(range, limit: nil, having: armed, spansWhere: query.negativeFeedbackOnly ? withFeedback : nil)
        )
        async let scores = latestScores(where: feedback(of: Self.startingIn(query.fromNanos, query.toNanos)))
        return try await TraceAnswers(traces: traces, scores: scores, retrievals: [:]).requestOutcomes(query)
    }

    /// Added up in ClickHouse: a user's first request may be long before the range, so every trace of
    /// the range's users is read, and only a row per user comes back.
    public func firstRequests(_ query: EngagementQuery) async throws -> [String: Int64] {
        var active = "start_ns >= \(query.fromNanos) AND start_ns < \(query.toNanos) AND user_key != ''"
        var having = ["t_start < \(query.toNanos)", "t_user != ''"]
        if let project = query.project {
            active += " AND project = \(ClickHouseSQL.string(project))"
            having.append("t_project = \(ClickHouseSQL.string(project))")
        }
        let traces = TraceSummarySelect.sql(
            candidates: "SELECT trace_id FROM spans WHERE user_key IN (SELECT user_key FROM spans WHERE \(active))", having: having,
            values: ["t_user"]
        )
        let users = try await client.select("""
            SELECT t_user AS user, min(t_start) AS first FROM (\(traces))
            GROUP BY t_user
            HAVING max(t_start >= \(query.fromNanos)) = 1
            """)
        var first: [String: Int64] = [:]
        for row in users {
            if let user = row.string("user"), let start = row.int("first") { first[user] = start }
        }
        return first
    }

    /// Added up in ClickHouse, over the range's newest `sessionRequests` requests with a session, as
    /// ``TraceAnswers/sessionShapes(_:)`` adds them: a session's user is that of its newest request naming one.
    public func sessionShapes(_ query: EngagementQuery) async throws -> [SessionShape] {
        var range = "start_ns >= \(query.fromNanos) AND start_ns < \(query.toNanos)"
        var having = ["t_session != ''", "t_start >= \(query.fromNanos)", "t_start < \(query.toNanos)"]
        if let project = query.project {
            range += " AND project = \(ClickHouseSQL.string(project))"
            having.append("t_project = \(ClickHouseSQL.string(project))")
        }
        let newest = TraceSummarySelect.sql(
            candidates: "SELECT trace_id FROM spans WHERE \(range)", having: having, limit: query.sessionRequests,
            values: ["t_session", "t_end", "t_user"]
        )
        return try await client.select("""
            SELECT t_session AS session, toInt64(count()) AS requests, min(t_start) AS first, max(t_end) AS last,
                argMaxIf(t_user, t_start, t_user != '') AS user
            FROM (\(newest))
            GROUP BY t_session
            """).map { row in
            let user = row.string("user") ?? ""
            let shape = SessionShape(
                requests: Int(row.int("requests") ?? 0), durationMs: Double((row.int("last") ?? 0) - (row.int("first") ?? 0)) / 1_000_000,
                userId: user.isEmpty ? nil : user
            )
            return (session: row.string("session") ?? "", shape: shape)
        }
        // Ordered as Swift orders strings, as every store's answer is.
        .sorted { $0.session < $1.session }.map(\.shape)
    }

    public func scoredRequests(_ query: ScoredRequestQuery) async throws -> [ScoredRequest] {
        var scored = "trace_id IN (\(Self.startingIn(query.fromNanos, query.toNanos)))"
        if let name = query.name { scored += " AND name = \(ClickHouseSQL.string(name))" }
        async let scores = latestScores(where: scored)
        // Only scored traces are read: most of a range's traces have no score.
        async let traces = summaries(TraceSummarySelect.sql(candidates: "SELECT trace_id FROM scores WHERE \(scored)"))
        return try await TraceAnswers(traces: traces, scores: scores, retrievals: [:]).scoredRequests(query)
    }

    public func retrievedRequests(_ query: RetrievalQuery) async throws -> [RetrievedRequest] {
        var ran = "start_ns >= \(query.fromNanos) AND start_ns < \(query.toNanos)"
        if let project = query.project { ran += " AND project = \(ClickHouseSQL.string(project))" }
        // The range's newest `2 × limit` steps, as the contract reads them, and their traces.
        let steps = try await retrievals(where: ran, newest: 2 * query.limit)
        let traceIds = "SELECT trace_id FROM spans WHERE trace_id IN \(ClickHouseSQL.strings(steps.keys))"
        async let traces = summaries(TraceSummarySelect.sql(candidates: traceIds))
        async let scores = latestScores(where: feedback(of: traceIds))
        return try await TraceAnswers(traces: traces, scores: scores, retrievals: steps).retrievedRequests(query)
    }

    public func documentUses(_ query: DocumentUseQuery) async throws -> [DocumentUse] {
        var ran = "rerank = 0 AND start_ns >= \(query.fromNanos) AND start_ns < \(query.toNanos)"
        if let project = query.project { ran += " AND project = \(ClickHouseSQL.string(project))" }
        let steps = try await retrievals(where: ran, newest: nil)
        return TraceAnswers(traces: [:], scores: [:], retrievals: steps).documentUses(query)
    }

    // MARK: Reading what answers need

    /// Trace ids of the traces with a span starting in a range: a superset of those starting in it.
    static func startingIn(_ from: Int64, _ to: Int64) -> String {
        "SELECT trace_id FROM spans WHERE start_ns >= \(from) AND start_ns < \(to)"
    }

    /// User feedback on the traces `traceIds` selects, or on their sessions.
    private func feedback(of traceIds: String) -> String {
        """
        source = 'user_feedback' AND (trace_id IN (\(traceIds))
            OR session_id IN (SELECT ifNull(session_id, '') FROM spans WHERE trace_id IN (\(traceIds)) AND isNotNull(session_id)))
        """
    }

    func summaries(_ sql: String) async throws -> [String: TraceSummary] {
        var traces: [String: TraceSummary] = [:]
        for summary in TraceSummarySelect.summaries(try await client.select(sql)) {
            traces[summary.traceId] = summary
        }
        return traces
    }

    /// Each score's last write, for the scores of which some write meets `condition`.
    func latestScores(where condition: String) async throws -> [String: Score] {
        var scores: [String: Score] = [:]
        for row in try await client.select("""
            SELECT * FROM scores WHERE id IN (SELECT id FROM scores WHERE \(condition))
            ORDER BY written DESC LIMIT 1 BY id
            """)
        {
            if let score = ScoreRows.score(row) { scores[score.id] = score }
        }
        return scores
    }

    /// Retrieval steps, one copy each, newest first; `newest` bounds how many.
    private func retrievals(where condition: String, newest: Int?) async throws -> [String: [String: Retrieval]] {
        var steps: [String: [String: Retrieval]] = [:]
        for row in try await client.select("""
            SELECT * FROM retrievals WHERE \(condition)
            ORDER BY start_ns DESC, trace_id DESC, span_id DESC LIMIT 1 BY trace_id, span_id
            \(newest.map { "LIMIT \(max($0, 0))" } ?? "")
            """)
        {
            let step = RetrievalRows.step(row)
            steps[step.traceId, default: [:]][step.spanId] = step
        }
        return steps
    }
}
