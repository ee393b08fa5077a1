/// One provider response within a project: a store counts the first call stored with it, and
/// later reports of that same call (``CallResponseClaim``) as repeated reports
/// (``SpanRecord/stepAsideAsRepeatedReport()``).
public struct CallResponseKey: Sendable, Hashable {
    public var project: String
    public var responseId: String

    public init(project: String, responseId: String) {
        self.project = project
        self.responseId = responseId
    }
}
