import Foundation

/// Hours in which a rule's notifications wait: its state still changes and is recorded, and a
/// firing alert still notifies once the quiet hours end.
public struct QuietHours: Sendable, Hashable, Codable {
    /// Local time the quiet hours start, `HH:mm`.
    public var start: String
    /// Local time they end, `HH:mm`; before `start` when they span midnight.
    public var end: String
    /// An IANA time zone name (`Europe/Paris`); UTC when absent.
    public var timezone: String?

    public init(start: String, end: String, timezone: String? = nil) {
        self.start = start
        self.end = end
        self.timezone = timezone
    }

    /// Checks the times and the zone, with a message that names what is wrong.
    public func validate() throws(AlertRuleError) {
        guard Self.minutes(start) != nil else { throw .invalid("quiet_hours.start", "'\(start)' is not a time like 22:00") }
        guard Self.minutes(end) != nil else { throw .invalid("quiet_hours.end", "'\(end)' is not a time like 07:00") }
        if let timezone, TimeZone(identifier: timezone) == nil {
            throw .invalid("quiet_hours.timezone", "'\(timezone)' is not a time zone name such as Europe/Paris")
        }
    }

    /// Whether an instant falls in the quiet hours, in their time zone.
    public func contains(unixNanos: Int64) -> Bool {
        guard let from = Self.minutes(start), let to = Self.minutes(end) else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timezone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        let date = Date(timeIntervalSince1970: Double(unixNanos) / 1e9)
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let now = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        return from <= to ? (now >= from && now < to) : (now >= from || now < to)
    }

    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }
}
