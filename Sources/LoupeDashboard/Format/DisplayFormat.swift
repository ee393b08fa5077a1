import Foundation

/// How the dashboard writes numbers: with units, compact, and a dash for what is unknown.
public enum DisplayFormat {
    /// 840 ms, 1.24 s, 2.1 min.
    public static func duration(ms: Double?) -> String {
        guard let ms, ms.isFinite else { return "–" }
        if ms == 0 { return "0" }
        if ms < 1 { return String(format: "%.2f ms", ms) }
        if ms < 1_000 { return String(format: "%.0f ms", ms) }
        if ms < 60_000 { return String(format: "%.2f s", ms / 1_000) }
        return String(format: "%.1f min", ms / 60_000)
    }

    /// $0.0042, $1.27, $1.3k. Nil (no call priced) is unknown, never $0.
    public static func dollars(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "unknown" }
        if value == 0 { return "$0" }
        if abs(value) < 0.0001 { return "<$0.0001" }
        if abs(value) < 0.01 { return String(format: "$%.4f", value) }
        if abs(value) < 1_000 { return String(format: "$%.2f", value) }
        return "$" + count(value)
    }

    /// 950, 1.2k, 3.4M.
    public static func count(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude < 1_000 { return value == value.rounded() ? String(format: "%.0f", value) : String(format: "%.1f", value) }
        if magnitude < 1_000_000 { return String(format: "%.1fk", value / 1_000) }
        if magnitude < 1_000_000_000 { return String(format: "%.1fM", value / 1_000_000) }
        return String(format: "%.1fG", value / 1_000_000_000)
    }

    public static func count(_ value: Int64) -> String { count(Double(value)) }

    /// 4.2%; a dash when there is no rate (nothing to divide by).
    public static func percent(_ rate: Double?) -> String {
        guard let rate, rate.isFinite else { return "–" }
        return rate > 0 && rate < 0.001 ? "<0.1%" : String(format: "%.1f%%", rate * 100)
    }

    /// The change from `previous` to `current`, as a signed percentage; nil when there was nothing before.
    public static func change(_ current: Double?, from previous: Double?) -> Double? {
        guard let current, let previous, previous != 0, current.isFinite, previous.isFinite else { return nil }
        return (current - previous) / abs(previous)
    }

    /// UTC time of day for chart ticks and tooltips; the page's script rewrites it in local time.
    public static func utcTime(_ seconds: Int64, withDate: Bool = false) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.month, .day, .hour, .minute], from: date)
        let time = String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        return withDate ? String(format: "%02d-%02d ", c.month ?? 0, c.day ?? 0) + time : time
    }

    /// ISO 8601 in UTC, for `<time datetime>` and links.
    public static func iso(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// A UTC day (days since 1970-01-01) as 2026-11-02.
    public static func utcDate(_ day: Int64) -> String { String(iso(day * 86_400).prefix(10)) }
}
