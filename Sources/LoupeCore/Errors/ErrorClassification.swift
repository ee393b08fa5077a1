/// The classifier's verdict on one failure.
public struct ErrorClassification: Sendable, Hashable, Codable {
    public var category: ErrorCategory
    /// Sixteen lower-case hex digits (see ``ErrorFingerprint``); equal for occurrences of the same
    /// failure, so errors can be grouped and counted.
    public var fingerprint: String
    /// The message with numbers, ids, quoted values and the like replaced by placeholders: the
    /// human-readable name of the group.
    public var template: String
    /// The rule that decided the category, or nil when none matched (the category is then `unknown`).
    public var ruleId: String?

    public init(category: ErrorCategory, fingerprint: String, template: String, ruleId: String?) {
        self.category = category
        self.fingerprint = fingerprint
        self.template = template
        self.ruleId = ruleId
    }

    /// What to do about it.
    public var remediation: Remediation { category.remediation }

    /// What a pipeline can do on its own about it.
    public var recommendedAction: AutomaticAction { category.recommendedAction }
}
