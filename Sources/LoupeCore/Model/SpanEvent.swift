/// A timed event inside a span; Loupe keeps exceptions and other notable events.
public struct SpanEvent: Sendable, Hashable {
    public var name: String
    public var timeNanos: Int64
    public var attributes: [String: AttributeValue]

    public init(name: String, timeNanos: Int64, attributes: [String: AttributeValue] = [:]) {
        self.name = name
        self.timeNanos = timeNanos
        self.attributes = attributes
    }

    public var isException: Bool { name == "exception" }
}
