/// Which events a handler receives: one exact name, or every name under a prefix.
///
/// ```swift
/// try telemetry.attach("cost-meter", to: [.exact(EventName.llmCall.stop)], handler: meter)
/// try telemetry.attach("debug", to: [.prefix("loupe")], handler: printer)
/// ```
public struct EventPattern: Sendable, Hashable, CustomStringConvertible {
    private enum Backing: Hashable {
        case exact(EventName)
        case prefix(EventName)
    }

    private let backing: Backing

    private init(_ backing: Backing) {
        self.backing = backing
    }

    /// Exactly this event.
    public static func exact(_ name: EventName) -> EventPattern {
        EventPattern(.exact(name))
    }

    /// This event and every event below it (`loupe.llm` matches `loupe.llm.call.stop`).
    public static func prefix(_ name: EventName) -> EventPattern {
        EventPattern(.prefix(name))
    }

    /// Every event, including the ones applications emit outside `loupe.`.
    public static let all = EventPattern.prefix(EventName(""))

    /// Whether an event with this name is selected.
    public func matches(_ name: EventName) -> Bool {
        switch backing {
        case .exact(let exact): return exact == name
        case .prefix(let prefix): return name.hasPrefix(prefix)
        }
    }

    public var description: String {
        switch backing {
        case .exact(let name): return name.rawValue
        case .prefix(let name): return name.rawValue.isEmpty ? "*" : name.rawValue + ".*"
        }
    }
}
