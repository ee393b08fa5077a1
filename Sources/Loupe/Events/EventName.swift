/// The name of a telemetry event: a dotted path such as `loupe.llm.call.stop`.
///
/// Names are compared segment by segment, so `loupe.llm` is a prefix of `loupe.llm.call` but not
/// of `loupe.llmx`. Declare the names you emit once, as static constants:
///
/// ```swift
/// extension EventName {
///     static let checkoutDone: EventName = "shop.checkout.done"
/// }
/// ```
///
/// A name is stored as its dotted text: building one from a literal does not allocate, which
/// keeps ``Telemetry/emit(_:measurements:metadata:)`` free when nobody listens.
public struct EventName: Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The dotted form, e.g. `loupe.llm.call.stop`.
    public let rawValue: String

    /// A name from its dotted form. Segments should be non-empty and contain no dots.
    @inlinable
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A name from its segments, joined with dots.
    public init(segments: [String]) {
        self.rawValue = segments.joined(separator: ".")
    }

    @inlinable
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// The segments of the path: `["loupe", "llm", "call", "stop"]`.
    public var segments: [Substring] {
        rawValue.split(separator: ".", omittingEmptySubsequences: false)
    }

    /// This name with one more segment.
    public func appending(_ segment: String) -> EventName {
        rawValue.isEmpty ? EventName(segment) : EventName(rawValue + "." + segment)
    }

    /// Whether `prefix` names this event or one of its ancestors, segment by segment.
    ///
    /// The empty name is a prefix of every name.
    public func hasPrefix(_ prefix: EventName) -> Bool {
        if prefix.rawValue.isEmpty { return true }
        guard rawValue.utf8.starts(with: prefix.rawValue.utf8) else { return false }
        let rest = rawValue.utf8.dropFirst(prefix.rawValue.utf8.count)
        return rest.isEmpty || rest.first == UInt8(ascii: ".")
    }

    /// The `start` event of a span named by this prefix.
    public var start: EventName { appending("start") }
    /// The `stop` event of a span named by this prefix.
    public var stop: EventName { appending("stop") }
    /// The `exception` event of a span named by this prefix.
    public var exception: EventName { appending("exception") }

    public var description: String { rawValue }

    public static func < (lhs: EventName, rhs: EventName) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
