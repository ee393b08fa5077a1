/// Which detectors a ``Redactor`` applies.
///
/// Detection always runs for every family so that, say, a disabled phone detector still keeps a
/// phone number from being mistaken for something else; only *enabled* families are replaced.
public struct RedactionConfiguration: Sendable, Hashable, Codable {
    /// The detectors whose matches are replaced by their placeholder.
    public var enabled: Set<PIIDetector>

    /// - Parameter enabled: the detectors to apply; defaults to every detector except ``PIIDetector/uuid``.
    public init(enabled: Set<PIIDetector> = PIIDetector.enabledByDefault) {
        self.enabled = enabled
    }

    /// Privacy by default: everything except UUIDs.
    public static let `default` = RedactionConfiguration()

    /// Nothing is redacted; ``Redactor/redact(_:)`` returns its input untouched.
    public static let off = RedactionConfiguration(enabled: [])

    /// Every detector, UUIDs included.
    public static let all = RedactionConfiguration(enabled: Set(PIIDetector.allCases))

    /// Whether matches of `detector` are replaced.
    public func isEnabled(_ detector: PIIDetector) -> Bool {
        enabled.contains(detector)
    }

    /// A copy with `detector` switched on.
    public func enabling(_ detector: PIIDetector) -> RedactionConfiguration {
        var copy = self
        copy.enabled.insert(detector)
        return copy
    }

    /// A copy with `detector` switched off.
    public func disabling(_ detector: PIIDetector) -> RedactionConfiguration {
        var copy = self
        copy.enabled.remove(detector)
        return copy
    }
}
