/// Where a score came from.
public enum ScoreSource: String, Sendable, Hashable, CaseIterable, Codable {
    /// An end user's feedback: a thumbs up or down, a star rating, a corrected answer.
    case userFeedback = "user_feedback"
    /// A person reviewing the output (a labeller, a domain expert).
    case annotation
    /// A program judging the output: an LLM judge, a heuristic, a test.
    case evaluator
    /// Read from a span the instrumentation sent (an evaluation event or attribute).
    case instrumentation
}
