import LoupeCore

extension Score {
    /// The event OpenTelemetry's GenAI conventions record an evaluation as, parented to the
    /// evaluated span.
    public static let evaluationEvent = "gen_ai.evaluation.result"

    /// The scores a span reports by convention: each `gen_ai.evaluation.result` event on it (a
    /// score of this span), and `gen_ai.evaluation.*` attributes on the span itself, which SDKs
    /// that send an evaluation as its own span use (a score of the parent, the evaluated span, or of
    /// the span itself when it has none).
    ///
    /// Ids derive from the span and the evaluation's name, so a span sent twice stores its scores once.
    public static func reported(by span: SpanRecord) -> [Score] {
        var scores: [Score] = []
        for event in span.events where event.name == evaluationEvent {
            if let score = evaluation(in: event.attributes, span: span, target: .span(traceId: span.traceId, spanId: span.spanId), at: event.timeNanos) {
                scores.append(score)
            }
        }
        if span.attributes["gen_ai.evaluation.name"] != nil {
            let evaluated = span.parentSpanId ?? span.spanId
            if let score = evaluation(in: span.attributes, span: span, target: .span(traceId: span.traceId, spanId: evaluated), at: span.endNanos) {
                scores.append(score)
            }
        }
        return scores
    }

    private static func evaluation(in attributes: [String: AttributeValue], span: SpanRecord, target: ScoreTarget, at nanos: Int64) -> Score? {
        guard let name = attributes["gen_ai.evaluation.name"]?.stringValue, !name.isEmpty else { return nil }
        let label = attributes["gen_ai.evaluation.score.label"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        // Some SDKs send the value as a string ("0.92").
        let number = attributes["gen_ai.evaluation.score.value"].flatMap { $0.doubleValue ?? $0.stringValue.flatMap(Double.init) }
        let value: ScoreValue
        if let number, number.isFinite {
            value = .numeric(number)
        } else if let label {
            value = .categorical(String(label.prefix(200)))
        } else {
            return nil
        }
        let explanation = attributes["gen_ai.evaluation.explanation"]?.stringValue.flatMap { $0.isEmpty ? nil : String($0.prefix(4_000)) }
        let evaluated = target.spanId ?? span.spanId
        return Score(
            id: "span:\(span.traceId):\(evaluated):\(name)", project: span.project, target: target, name: String(name.prefix(200)),
            value: value, comment: explanation ?? label, userId: nil, source: .instrumentation, timestampNanos: nanos
        )
    }
}
