import LoupeCore

/// Questions asked of traces with their scores and retrieval steps, answered from the values
/// themselves: the in-memory store's answers, and the ClickHouse store's over what it reads for a
/// query, so both give the reference answer the conformance suite holds every store to.
public struct TraceAnswers: Sendable {
    /// By trace id.
    public var traces: [String: TraceSummary]
    /// By score id.
    public var scores: [String: Score]
    /// By trace id, then span id.
    public var retrievals: [String: [String: Retrieval]]

    public init(traces: [String: TraceSummary], scores: [String: Score], retrievals: [String: [String: Retrieval]]) {
        self.traces = traces
        self.scores = scores
        self.retrievals = retrievals
    }

    /// Sums and moments of floating-point values depend on the order they are added in; adding in
    /// one order makes two stores holding the same traces give equal answers, not merely close ones.
    private var tracesInOrder: [TraceSummary] { traces.values.sorted { ($0.startNanos, $0.traceId) < ($1.startNanos, $1.traceId) } }

    private var scoresInOrder: [Score] { scores.values.sorted { ($0.timestampNanos, $0.id) < ($1.timestampNanos, $1.id) } }

    /// Whether a trace got a negative user-feedback score, of its own or of its session; with
    /// `project`, a score of that project.
    public func negativeFeedback(project: String? = nil) -> @Sendable (TraceSummary) -> Bool {
        let negative = scores.values.filter { $0.source == .userFeedback && $0.isNegative && (project == nil || $0.project == project) }
        let traces = Set(negative.compactMap(\.target.traceId)), sessions = Set(negative.compactMap(\.target.sessionId))
        return { traces.contains($0.traceId) || $0.sessionId.map(sessions.contains) == true }
    }

    public func experimentArms(_ query: ExperimentArmQuery) -> [ExperimentArm] {
        var byTrace: [String: [Score]] = [:], bySession: [String: [Score]] = [:]
        for score in scoresInOrder
        where score.timestampNanos >= query.fromNanos - ExperimentArmQuery.scoreLeadNanos && (query.project == nil || score.project == query.project) {
            if let trace = score.target.traceId { byTrace[trace, default: []].append(score) }
            if let session = score.target.sessionId { bySession[session, default: []].append(score) }
        }
        var arms: [String: ArmTally] = [:]
        for trace in tracesInOrder {
            guard let arm = query.arm(of: trace) else { continue }
            let scores = (byTrace[trace.traceId] ?? []) + (trace.sessionId.flatMap { bySession[$0] } ?? [])
            arms[arm, default: ArmTally()].add(trace, scores: scores)
        }
        return arms.sorted { $0.key < $1.key }.map { $0.value.arm(variant: $0.key, maxLatencies: query.maxLatencies) }
    }

    public func requestOutcomes(_ query: RequestOutcomeQuery) -> [RequestOutcome] {
        let hasNegativeFeedback = negativeFeedback(project: query.project)
        var outcomes: [[String]: RequestOutcome] = [:]
        for trace in tracesInOrder {
            guard let arm = query.arm(of: trace), !query.negativeFeedbackOnly || hasNegativeFeedback(trace) else { continue }
            let step = query.step(of: trace.startNanos)
            var o = outcomes[[arm, String(step)]] ?? RequestOutcome(
                arm: arm, stepNanos: step, requests: 0, failed: 0, negativeFeedback: 0, unsuccessful: 0, costUSD: 0
            )
            let failed = trace.errorCount > 0
            let negative = hasNegativeFeedback(trace)
            o.requests += 1
            o.costUSD += trace.costUSD
            if failed { o.failed += 1 }
            if negative { o.negativeFeedback += 1 }
            if failed || negative { o.unsuccessful += 1 }
            outcomes[[arm, String(step)]] = o
        }
        return outcomes.values.sorted { ($0.arm, $0.stepNanos) < ($1.arm, $1.stepNanos) }
    }

    public func firstRequests(_ query: EngagementQuery) -> [String: Int64] {
        var first: [String: Int64] = [:]
        var active: Set<String> = []
        for trace in traces.values {
            guard let user = trace.userId, query.project == nil || trace.project == query.project, trace.startNanos < query.toNanos else { continue }
            first[user] = min(first[user] ?? .max, trace.startNanos)
            if query.matches(trace) { active.insert(user) }
        }
        return first.filter { active.contains($0.key) }
    }

    public func sessionShapes(_ query: EngagementQuery) -> [SessionShape] {
        var sessions: [String: (requests: Int, start: Int64, end: Int64, user: String?)] = [:]
        let newest = traces.values.filter { query.matches($0) && $0.sessionId != nil }
            .sorted { $0.startNanos > $1.startNanos }.prefix(query.sessionRequests)
        for trace in newest {
            guard let session = trace.sessionId else { continue }
            let held = sessions[session] ?? (0, .max, .min, nil)
            sessions[session] = (held.requests + 1, min(held.start, trace.startNanos), max(held.end, trace.endNanos), held.user ?? trace.userId)
        }
        return sessions.sorted { $0.key < $1.key }.map {
            SessionShape(requests: $0.value.requests, durationMs: Double($0.value.end - $0.value.start) / 1_000_000, userId: $0.value.user)
        }
    }

    public func scoredRequests(_ query: ScoredRequestQuery) -> [ScoredRequest] {
        var joined: [ScoredRequest] = []
        for score in scores.values
        where (query.name == nil || score.name == query.name) && (query.project == nil || score.project == query.project) {
            guard let traceId = score.target.traceId, let value = score.normalizedValue, let trace = traces[traceId],
                trace.startNanos >= query.fromNanos, trace.startNanos < query.toNanos, query.project == nil || trace.project == query.project
            else { continue }
            joined.append(ScoredRequest(
                name: score.name, value: value, source: score.source, service: trace.service, startNanos: trace.startNanos,
                durationMs: trace.durationMs, costUSD: trace.costUSD, model: trace.model, promptVersion: trace.promptVersion,
                dimensions: trace.dimensions
            ))
        }
        return Array(joined.sorted { ($0.startNanos, $0.name, $0.value) > ($1.startNanos, $1.name, $1.value) }.prefix(query.limit))
    }

    public func retrievedRequests(_ query: RetrievalQuery) -> [RetrievedRequest] {
        let hasNegativeFeedback = negativeFeedback(project: query.project)
        // The range's newest `2 × limit` steps, as the contract reads them.
        let newest = retrievals.values.flatMap(\.values).filter {
            $0.ran(fromNanos: query.fromNanos, toNanos: query.toNanos, project: query.project)
        }.sorted { ($0.startNanos, $0.traceId, $0.spanId) > ($1.startNanos, $1.traceId, $1.spanId) }.prefix(2 * query.limit)
        var requests: [RetrievedRequest] = []
        for (traceId, inRange) in Dictionary(grouping: newest, by: \.traceId) {
            guard let trace = traces[traceId] else { continue }
            let retrievals = inRange.filter { !$0.isRerank }, reranks = inRange.filter(\.isRerank)
            let scores = retrievals.flatMap(\.scores)
            requests.append(RetrievedRequest(
                traceId: traceId, service: trace.service, startNanos: trace.startNanos, dimensions: trace.dimensions,
                retrieved: retrievals.isEmpty ? nil : retrievals.reduce(0) { $0 + $1.documents.count },
                kept: reranks.isEmpty ? nil : reranks.reduce(0) { $0 + $1.documents.count }, topScore: scores.max(),
                meanScore: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count), failed: trace.errorCount > 0,
                negativeFeedback: hasNegativeFeedback(trace)
            ))
        }
        return Array(requests.sorted { ($0.startNanos, $0.traceId) > ($1.startNanos, $1.traceId) }.prefix(query.limit))
    }

    public func documentUses(_ query: DocumentUseQuery) -> [DocumentUse] {
        var uses: [String: (count: Int, scores: [Double], last: Int64)] = [:]
        let steps = retrievals.values.flatMap(\.values).filter {
            !$0.isRerank && $0.ran(fromNanos: query.fromNanos, toNanos: query.toNanos, project: query.project)
        }
        let rows = steps.flatMap { step in step.documents.compactMap { d in d.id.map { (step, $0, d.score) } } }
        // Past the newest `query.newest`, those at the instant of the first one left out go too, as in SQL.
        let newest = rows.sorted { $0.0.startNanos > $1.0.startNanos }
        let cutoff = newest.count > query.newest ? newest[query.newest].0.startNanos : Int64.min
        for (step, id, score) in newest where step.startNanos > cutoff {
            var use = uses[id] ?? (0, [], step.startNanos)
            use.count += 1
            if let score { use.scores.append(score) }
            use.last = max(use.last, step.startNanos)
            uses[id] = use
        }
        return Array(uses.map { id, use in
            DocumentUse(
                id: id, retrievals: use.count, meanScore: use.scores.isEmpty ? nil : use.scores.reduce(0, +) / Double(use.scores.count),
                lastNanos: use.last
            )
        }.sorted { ($0.retrievals, $1.id) > ($1.retrievals, $0.id) }.prefix(query.limit))
    }
}
