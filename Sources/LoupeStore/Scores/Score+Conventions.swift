import LoupeCore

extension Score {
    /// The event OpenTelemetry's GenAI conventions record an evaluation as, parented to the
    /// evaluated span.
    public static let evaluationEvent = "gen_ai.evaluation.result"

    /// The attributes one convention names an evaluation's parts with.
    private struct EvaluationKeys {
        var name: String
        var value: String
        var label: String
        var explanation: String
    }

    /// OpenTelemetry GenAI's `gen_ai.evaluation.*`.
    private static let genAI = EvaluationKeys(
        name: "gen_ai.evaluation.name", value: "gen_ai.evaluation.score.value", label: "gen_ai.evaluation.score.label",
        explanation: "gen_ai.evaluation.explanation"
    )

    /// OpenInference's EVALUATOR spans, which carry the verdict as metadata.
    private static let openInference = EvaluationKeys(
        name: "metadata.evaluator_name", value: "metadata.score", label: "metadata.label", explanation: "metadata.explanation"
    )

    /// The scores a span reports by convention: each `gen_ai.evaluation.result` event on it (a
    /// score of this span); `gen_ai.evaluation.*` attributes on the span itself, which SDKs that
    /// send an evaluation as its own span use; and an OpenInference EVALUATOR span's
    /// `metadata.evaluator_name` with `metadata.score` or `metadata.label`. An evaluation sent as a
    /// span scores its parent, the evaluated span (or itself when it has none).
    ///
    /// Ids derive from the span and the evaluation's name, so a span sent twice stores its scores once.
    public static func reported(by span: SpanRecord) -> [Score] {
        var scores: [Score] = []
        for event in span.events where event.name == evaluationEvent {
            let target = ScoreTarget.span(traceId: span.traceId, spanId: span.spanId)
            if let score = evaluation(in: event.attributes, keys: genAI, project: span.project, target: target, at: event.timeNanos) {
                scores.append(score)
            }
        }
        let evaluated = ScoreTarget.span(traceId: span.traceId, spanId: span.parentSpanId ?? span.spanId)
        if span.attributes[genAI.name] != nil,
            let score = evaluation(in: span.attributes, keys: genAI, project: span.project, target: evaluated, at: span.endNanos)
        {
            scores.append(score)
        } else if span.operation == .evaluator, span.attributes[openInference.name] != nil,
            let score = evaluation(in: span.attributes, keys: openInference, project: span.project, target: evaluated, at: span.endNanos)
        {
            scores.append(score)
        }
        return scores
    }

    /// The score a `gen_ai.evaluation.result` event sent as a log record reports: of its span, or
    /// of its trace when it names no span. Nil for other records and for one outside any trace
    /// (its `gen_ai.response.id` alone names no stored call). The id is the one the same event on a
    /// span gets, so an evaluation reported both ways is stored once.
    public static func reported(by record: LogRecord) -> Score? {
        guard record.eventName == evaluationEvent, let traceId = record.traceId else { return nil }
        let target = record.spanId.map { ScoreTarget.span(traceId: traceId, spanId: $0) } ?? .trace(traceId: traceId)
        return evaluation(in: record.attributes, keys: genAI, project: record.project, target: target, at: record.timeNanos)
    }

    private static func evaluation(
        in attributes: [String: AttributeValue], keys: EvaluationKeys, project: String, target: ScoreTarget, at nanos: Int64
    ) -> Score? {
        guard let name = attributes[keys.name]?.stringValue, !name.isEmpty else { return nil }
        let label = attributes[keys.label]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        // Some SDKs send the value as a string ("0.92").
        let number = attributes[keys.value].flatMap { $0.doubleValue ?? $0.stringValue.flatMap(Double.init) }
        let value: ScoreValue
        if let number, number.isFinite {
            value = .numeric(number)
        } else if let label {
            value = .categorical(String(label.prefix(200)))
        } else {
            return nil
        }
        let explanation = attributes[keys.explanation]?.stringValue.flatMap { $0.isEmpty ? nil : String($0.prefix(4_000)) }
        let id = target.spanId.map { "span:\(target.traceId ?? ""):\($0):\(name)" } ?? "trace:\(target.traceId ?? ""):\(name)"
        return Score(
            id: id, project: project, target: target, name: String(name.prefix(200)),
            value: value, comment: explanation ?? label, userId: nil, source: .instrumentation, timestampNanos: nanos
        )
    }
}
