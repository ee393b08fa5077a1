/// A judgement of an answer: user feedback, an annotation or an evaluator's verdict.
///
/// Stores keep one score per ``id``: writing the same id again replaces it (a user who changes a
/// thumbs up to a thumbs down), so a client that retries stores it once.
public struct Score: Sendable, Hashable {
    public var id: String
    public var project: String
    public var target: ScoreTarget
    /// What was judged: `user_satisfaction`, `relevance`, `correct`…
    public var name: String
    public var value: ScoreValue
    /// The scale of a numeric score (1…5 stars, 0…1 relevance), which tells good from bad.
    public var range: ClosedRange<Double>?
    public var comment: String?
    /// The user the score came from (for feedback), not necessarily the one who asked.
    public var userId: String?
    public var source: ScoreSource
    public var timestampNanos: Int64

    public init(
        id: String, project: String, target: ScoreTarget, name: String, value: ScoreValue, range: ClosedRange<Double>? = nil,
        comment: String? = nil, userId: String? = nil, source: ScoreSource, timestampNanos: Int64
    ) {
        self.id = id
        self.project = project
        self.target = target
        self.name = name
        self.value = value
        self.range = range
        self.comment = comment
        self.userId = userId
        self.source = source
        self.timestampNanos = timestampNanos
    }

    /// Whether the score says the answer was bad: a no, or a number in the lower half of its scale
    /// (below 0.5 without one). Categories are not judged.
    public var isNegative: Bool {
        switch value {
        case .boolean(let value): return !value
        case .numeric(let value):
            guard let range else { return value < 0.5 }
            return value < range.lowerBound + (range.upperBound - range.lowerBound) / 2
        case .categorical: return false
        }
    }

    /// A numeric score on a 0…1 scale when its range is known, for comparing scores of
    /// different scales; yes and no are 1 and 0.
    public var normalizedValue: Double? {
        switch value {
        case .boolean(let value): return value ? 1 : 0
        case .numeric(let value):
            guard let range, range.upperBound > range.lowerBound else { return value }
            return (value - range.lowerBound) / (range.upperBound - range.lowerBound)
        case .categorical: return nil
        }
    }
}
