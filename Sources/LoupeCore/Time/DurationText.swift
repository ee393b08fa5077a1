import Foundation

/// Durations as people write them on a command line or in a query string: `90s`, `5m`, `1h`, `7d`, or bare seconds.
public enum DurationText {
    /// Seconds, or nil when the text is not a positive duration.
    public static func seconds(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last else { return nil }
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]
        let (number, unit) = units[last].map { (String(trimmed.dropLast()), $0) } ?? (trimmed, 1)
        guard let value = Int64(number), value > 0, value <= Int64.max / unit / 1_000_000_000 else { return nil }
        return value * unit
    }

    /// The shortest text for whole seconds: `35d`, `1h`, `90s`.
    public static func format(_ seconds: Int64) -> String {
        for (unit, size) in [("w", Int64(604_800)), ("d", 86_400), ("h", 3_600), ("m", 60)] where seconds >= size && seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }
}
