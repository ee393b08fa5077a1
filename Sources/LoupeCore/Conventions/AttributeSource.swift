/// One attribute key that carries a ``SpanRecord`` field in some convention.
public struct AttributeSource: Sendable, Hashable {
    /// How the value is scaled into the record's unit.
    public enum Unit: Sendable, Hashable {
        case asIs
        /// Seconds, stored as milliseconds.
        case secondsToMilliseconds
    }

    public let key: String
    public let convention: Convention
    public let unit: Unit

    public init(_ key: String, _ convention: Convention, unit: Unit = .asIs) {
        self.key = key
        self.convention = convention
        self.unit = unit
    }
}
