/// What to do about a category of failure: a one-line summary and concrete steps, in the order to try them.
///
/// Shown next to grouped errors in the dashboard and returned by the API, so the text is written for the
/// engineer on call, not for the model.
public struct Remediation: Sendable, Hashable, Codable {
    /// One sentence: what went wrong and the first thing to do.
    public var summary: String
    /// Concrete steps, most likely fix first.
    public var steps: [String]

    public init(summary: String, steps: [String]) {
        self.summary = summary
        self.steps = steps
    }
}
