import Foundation
import LoupeCore
import LoupeStore
import Testing

extension TelemetryStoreConformance {
    static func experimentSpan(trace: String, id: String, parent: String? = nil, minute: Int64 = 0, attributes: [String: AttributeValue]) -> SpanRecord {
        var span = Self.span(trace: trace, id: id, parent: parent, minute: minute)
        span.attributes = attributes
        return span
    }

    @Test(arguments: Kind.allCases)
    func tracesKeepTheFirstExperimentTheirSpansName(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let a = "0af7651916cd43dd8448eb211c8031a1", b = "0af7651916cd43dd8448eb211c8031b2", c = "0af7651916cd43dd8448eb211c8031c3"
        _ = try await store.writeAndFlush([
            Self.experimentSpan(trace: a, id: "0000000000000001", attributes: ["loupe.experiment": "prompt-v2", "loupe.experiment.variant": "control"]),
            Self.experimentSpan(trace: b, id: "0000000000000002", minute: 1, attributes: ["feature_flag.key": "prompt-v2", "feature_flag.result.variant": "v2"]),
            Self.experimentSpan(trace: c, id: "0000000000000003", attributes: ["k": "v"]),
        ])
        // A later part of trace a that names another variant does not move the trace.
        _ = try await store.writeAndFlush([
            Self.experimentSpan(trace: a, id: "0000000000000004", parent: "0000000000000001",
                                attributes: ["loupe.experiment": "prompt-v2", "loupe.experiment.variant": "v2"]),
        ])
        let range = TraceQuery(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute, limit: 100)
        let traces = try await store.traces(range).filter { $0.experiment != nil }
        #expect(Set(traces.map(\.traceId)) == [a, b])
        #expect(traces.first { $0.traceId == a }?.experiment == ExperimentLabel(experiment: "prompt-v2", variant: "control"))
        #expect(traces.first { $0.traceId == b }?.experiment?.variant == "v2")

        let counts = try await store.experimentVariants(range)
        #expect(counts.map(\.label.variant) == ["control", "v2"])
        #expect(counts.map(\.traces) == [1, 1])
        #expect(counts[1].firstNanos == Self.base + Self.minute)
        var otherProject = range
        otherProject.project = "elsewhere"
        #expect(try await store.experimentVariants(otherProject).isEmpty)
    }

    @Test(arguments: Kind.allCases)
    func scoresAreKeptOnePerIdAndReadNewestFirst(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let trace = "0af7651916cd43dd8448eb211c80319c"
        let thumbs = Score(
            id: "fb-1", project: "acme", target: .trace(traceId: trace), name: "user_satisfaction", value: .boolean(true),
            comment: "great", userId: "u1", source: .userFeedback, timestampNanos: Self.base
        )
        let stars = Score(
            id: "fb-2", project: "acme", target: .span(traceId: trace, spanId: "0000000000000001"), name: "rating",
            value: .numeric(2), range: 1...5, source: .annotation, timestampNanos: Self.base + 1
        )
        let label = Score(
            id: "ev-1", project: "acme", target: .session(sessionId: "s-1"), name: "topic", value: .categorical("billing"),
            source: .evaluator, timestampNanos: Self.base + 2
        )
        #expect(try await store.writeScores([thumbs, stars, label]) == 3)
        var changed = thumbs
        changed.value = .boolean(false)
        #expect(try await store.writeScores([changed]) == 0)

        let all = try await store.scores(ScoreQuery(fromNanos: Self.base, toNanos: Self.base + Self.minute))
        #expect(all == [label, stars, changed])
        #expect(all[1].isNegative && all[2].isNegative && !all[0].isNegative)
        #expect(try await store.scores(ScoreQuery(fromNanos: Self.base, toNanos: Self.base + Self.minute, traceId: trace)).count == 2)
        #expect(try await store.scores(ScoreQuery(fromNanos: Self.base, toNanos: Self.base + Self.minute, sessionId: "s-1")) == [label])
        #expect(try await store.scores(ScoreQuery(fromNanos: Self.base, toNanos: Self.base + Self.minute, name: "rating", source: .annotation)) == [stars])
        #expect(try await store.scores(ScoreQuery(fromNanos: Self.base, toNanos: Self.base + Self.minute, limit: 1)) == [label])
        #expect(try await store.writeScores([]) == 0)
    }

    @Test(arguments: Kind.allCases)
    func evaluationsSentOnSpansAreStoredAsScoresOnce(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        var answer = Self.span(id: "0000000000000001")
        answer.events = [
            SpanEvent(name: Score.evaluationEvent, timeNanos: Self.base + 5, attributes: [
                "gen_ai.evaluation.name": "relevance", "gen_ai.evaluation.score.value": "0.92",
                "gen_ai.evaluation.explanation": "on topic",
            ]),
            SpanEvent(name: Score.evaluationEvent, timeNanos: Self.base + 6, attributes: [
                "gen_ai.evaluation.name": "tone", "gen_ai.evaluation.score.label": "friendly",
            ]),
            SpanEvent(name: Score.evaluationEvent, timeNanos: Self.base + 7, attributes: ["gen_ai.evaluation.name": "empty"]),
        ]
        // An evaluation sent as its own span scores its parent.
        var judge = Self.span(id: "0000000000000002", parent: "0000000000000001")
        judge.attributes = ["gen_ai.evaluation.name": "faithfulness", "gen_ai.evaluation.score.value": .double(0.4)]
        // OpenInference's EVALUATOR span carries its verdict as metadata; on another kind of span it is only metadata.
        var evaluator = Self.span(id: "0000000000000003", parent: "0000000000000001", operation: .evaluator)
        evaluator.attributes = ["metadata.evaluator_name": "answer_relevance", "metadata.score": 0.95, "metadata.label": "relevant"]
        var chain = Self.span(id: "0000000000000004", parent: "0000000000000001", operation: .chain)
        chain.attributes = ["metadata.evaluator_name": "not-a-verdict", "metadata.score": 0.1]
        _ = try await store.writeAndFlush([answer, judge, evaluator, chain])
        _ = try await store.writeAndFlush([answer, judge, evaluator, chain])
        let scores = try await store.scores(ScoreQuery(fromNanos: Self.base, toNanos: Self.base + Self.minute))
        #expect(scores.count == 4)
        let byName = Dictionary(uniqueKeysWithValues: scores.map { ($0.name, $0) })
        #expect(byName["relevance"]?.value == .numeric(0.92) && byName["relevance"]?.comment == "on topic")
        #expect(byName["tone"]?.value == .categorical("friendly"))
        #expect(byName["faithfulness"]?.target == .span(traceId: answer.traceId, spanId: "0000000000000001"))
        #expect(byName["answer_relevance"]?.value == .numeric(0.95) && byName["answer_relevance"]?.target == byName["faithfulness"]?.target)
        #expect(scores.allSatisfy { $0.source == .instrumentation })
    }

    @Test(arguments: Kind.allCases)
    func experimentArmsAddUpRequestsFeedbackAndScores(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        // Six requests: a, b, c of "control", d, e, f of "v2"; b failed; c's user and e's session gave a thumbs down.
        var spans: [SpanRecord] = []
        for (i, letter) in ["a", "b", "c", "d", "e", "f"].enumerated() {
            let trace = String(repeating: letter, count: 32)
            var span = Self.span(trace: trace, id: "000000000000000\(i + 1)", minute: Int64(i), durationMs: Int64(100 * (i + 1)),
                                 cost: 0.01 * Double(i + 1), error: letter == "b", user: i < 5 ? "u\(i % 2)" : nil)
            span.sessionId = "s\(i)"
            span.attributes = ["loupe.experiment": "exp", "loupe.experiment.variant": .string(i < 3 ? "control" : "v2")]
            spans.append(span)
        }
        _ = try await store.writeAndFlush(spans)
        func score(_ id: String, _ target: ScoreTarget, _ value: ScoreValue, range: ClosedRange<Double>? = nil, source: ScoreSource = .userFeedback) -> Score {
            Score(id: id, project: "acme", target: target, name: value.kind == "numeric" ? "stars" : "thumbs", value: value, range: range,
                  source: source, timestampNanos: Self.base)
        }
        try await store.writeScores([
            score("1", .trace(traceId: String(repeating: "c", count: 32)), .boolean(false)),
            score("2", .session(sessionId: "s4"), .boolean(false)),
            score("3", .trace(traceId: String(repeating: "a", count: 32)), .boolean(true)),
            // An evaluator's low number is a score, not negative feedback.
            score("4", .trace(traceId: String(repeating: "d", count: 32)), .numeric(1), range: 1...5, source: .evaluator),
            score("5", .trace(traceId: String(repeating: "f", count: 32)), .numeric(4), range: 1...5),
            score("6", .trace(traceId: String(repeating: "b", count: 32)), .categorical("billing")),
        ])
        let arms = try await store.experimentArms(ExperimentArmQuery(grouping: .experiment("exp"), fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute))
        #expect(arms.map(\.variant) == ["control", "v2"])
        let control = arms[0], v2 = arms[1]
        #expect(control.requests == 3 && control.units == 2 && control.failed == 1 && control.negativeFeedback == 1 && control.unsuccessful == 2)
        #expect(v2.requests == 3 && v2.units == 3 && v2.failed == 0 && v2.negativeFeedback == 1 && v2.unsuccessful == 1)
        #expect(control.latenciesMs == [100, 200, 300] && v2.latenciesMs == [400, 500, 600])
        #expect(abs(control.cost.mean - 0.02) < 1e-12 && abs(control.cost.variance - 0.0001) < 1e-12)
        #expect(control.scores["thumbs"]?.count == 2 && control.scores["thumbs"]?.mean == 0.5)
        #expect(v2.scores["thumbs"]?.count == 1 && v2.scores["stars"]?.count == 2)
        #expect(abs((v2.scores["stars"]?.mean ?? 0) - 0.375) < 1e-12)
        let newest = try await store.experimentArms(ExperimentArmQuery(
            grouping: .experiment("exp"), fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute, maxLatencies: 2
        ))
        #expect(newest[0].latenciesMs == [200, 300] && newest[0].requests == 3)
        #expect(try await store.experimentArms(ExperimentArmQuery(grouping: .experiment("exp"), fromNanos: Self.base, toNanos: Self.base + Self.minute, project: "other")).isEmpty)

        // Another project's key scoring acme's traces changes nothing of acme's own comparison.
        var foreign = score("7", .trace(traceId: String(repeating: "d", count: 32)), .boolean(false))
        foreign.project = "beta"
        var foreignName = score("8", .trace(traceId: String(repeating: "e", count: 32)), .numeric(5), range: 1...5)
        foreignName.project = "beta"
        try await store.writeScores([foreign, foreignName])
        let acme = try await store.experimentArms(ExperimentArmQuery(
            grouping: .experiment("exp"), fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute, project: "acme"
        ))
        #expect(acme == arms)
        let everyProject = try await store.experimentArms(ExperimentArmQuery(grouping: .experiment("exp"), fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute))
        #expect(everyProject[1].negativeFeedback == 2 && everyProject[1].scores["stars"]?.count == 3)
    }
}

extension TelemetryStoreConformance {
    @Test(arguments: Kind.allCases)
    func firstRequestsAndSessionsOfARange(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let day = EngagementQuery.nanosPerDay
        let d0 = (Self.base / day + 1) * day
        // u1: a request two days before the range and two on its first day (one session); u2: one on
        // its second day; a request without a user; another project's u1 a day before everything.
        func trace(_ n: Int, at offset: Int64, user: String?, session: String?, project: String = "acme", ms: Int64 = 1_000) -> SpanRecord {
            var span = Self.span(trace: String(format: "%032x", n), id: "0000000000000001", user: user)
            span.project = project
            span.startNanos = d0 + offset
            span.endNanos = d0 + offset + ms * 1_000_000
            span.sessionId = session
            return span
        }
        _ = try await store.writeAndFlush([
            trace(1, at: -2 * day, user: "u1", session: "s0"), trace(2, at: 3_600_000_000_000, user: "u1", session: "s1"),
            trace(3, at: 3_660_000_000_000, user: "u1", session: "s1", ms: 5_000), trace(4, at: day + 60_000_000_000, user: "u2", session: "s2"),
            trace(5, at: 120_000_000_000, user: nil, session: "s3"), trace(6, at: -3 * day, user: "u1", session: "x", project: "other"),
        ])
        let query = EngagementQuery(fromNanos: d0, toNanos: d0 + 2 * day, project: "acme")
        #expect(try await store.firstRequests(query) == ["u1": d0 - 2 * day, "u2": d0 + day + 60_000_000_000])
        // Across projects, u1's first request is the other project's.
        let everywhere = try await store.firstRequests(EngagementQuery(fromNanos: d0, toNanos: d0 + 2 * day))
        #expect(everywhere["u1"] == d0 - 3 * day)
        #expect(try await store.firstRequests(EngagementQuery(fromNanos: d0 + day, toNanos: d0 + 2 * day, project: "acme")).keys.sorted() == ["u2"])
        let sessions = try await store.sessionShapes(query)
        #expect(sessions == [
            SessionShape(requests: 2, durationMs: 65_000, userId: "u1"), SessionShape(requests: 1, durationMs: 1_000, userId: "u2"),
            SessionShape(requests: 1, durationMs: 1_000, userId: nil),
        ])
    }

    @Test(arguments: Kind.allCases)
    func scoresJoinTheirRequests(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let inRange = Self.span(trace: String(repeating: "a", count: 32), id: "0000000000000001", minute: 1, durationMs: 1_500, cost: 0.02)
        let outside = Self.span(trace: String(repeating: "b", count: 32), id: "0000000000000001", minute: 30)
        _ = try await store.writeAndFlush([inRange, outside])
        try await store.writeScores([
            Score(id: "1", project: "acme", target: .trace(traceId: inRange.traceId), name: "stars", value: .numeric(4), range: 1...5,
                  source: .userFeedback, timestampNanos: Self.base),
            Score(id: "2", project: "acme", target: .span(traceId: inRange.traceId, spanId: inRange.spanId), name: "correct", value: .boolean(false),
                  source: .evaluator, timestampNanos: Self.base),
            Score(id: "3", project: "acme", target: .trace(traceId: inRange.traceId), name: "topic", value: .categorical("x"),
                  source: .annotation, timestampNanos: Self.base),
            Score(id: "4", project: "acme", target: .trace(traceId: outside.traceId), name: "stars", value: .numeric(5), range: 1...5,
                  source: .userFeedback, timestampNanos: Self.base),
            Score(id: "5", project: "acme", target: .session(sessionId: "s"), name: "stars", value: .numeric(1), range: 1...5,
                  source: .userFeedback, timestampNanos: Self.base),
        ])
        let query = ScoredRequestQuery(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute)
        let joined = try await store.scoredRequests(query).sorted { $0.name < $1.name }
        #expect(joined.map(\.name) == ["correct", "stars"])
        #expect(joined[0].value == 0 && joined[1].value == 0.75)
        #expect(joined[1].service == "rag" && joined[1].durationMs == 1_500 && joined[1].costUSD == 0.02 && joined[1].source == .userFeedback)
        #expect(try await store.scoredRequests(ScoredRequestQuery(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute, name: "stars")).count == 1)
        #expect(try await store.scoredRequests(ScoredRequestQuery(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute, project: "other")).isEmpty)
        // Another project's score on acme's request is not acme's.
        try await store.writeScores([Score(
            id: "6", project: "beta", target: .trace(traceId: inRange.traceId), name: "betaonly", value: .boolean(true), source: .userFeedback,
            timestampNanos: Self.base
        )])
        let acme = try await store.scoredRequests(ScoredRequestQuery(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute, project: "acme"))
        #expect(acme.map(\.name).sorted() == ["correct", "stars"])
        #expect(try await store.scoredRequests(query).count == 3)
    }
}
