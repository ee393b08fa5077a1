/// The outcome of ``Redactor/redact(_:)``: the text to store and what was taken out of it.
public struct RedactionResult: Sendable, Hashable, Codable {
    /// The input with every enabled match replaced by its placeholder; the input itself when
    /// nothing matched.
    public let text: String
    /// How many matches each detector replaced. Detectors that replaced nothing are absent.
    public let counts: [PIIDetector: Int]

    /// A result as ``Redactor/redact(_:)`` builds it; public for tests and for results decoded or
    /// merged elsewhere.
    public init(text: String, counts: [PIIDetector: Int]) {
        self.text = text
        self.counts = counts
    }

    /// The number of replacements made by `detector` (zero when absent from ``counts``).
    public func count(of detector: PIIDetector) -> Int {
        counts[detector] ?? 0
    }

    /// The number of replacements made by all detectors.
    public var totalCount: Int {
        counts.values.reduce(0, +)
    }

    /// True when at least one replacement was made.
    public var didRedact: Bool {
        !counts.isEmpty
    }
}
