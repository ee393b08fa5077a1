/// The identity under which a handler is attached, and by which it is detached.
///
/// Ids are unique per ``Telemetry`` instance; use a name that says who attached the handler
/// (`"otlp-exporter"`, `"slow-call-logger"`).
public struct HandlerID: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public var description: String { rawValue }
}
