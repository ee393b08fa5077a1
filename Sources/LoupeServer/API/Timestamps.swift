import Foundation

/// RFC 3339 and unix-seconds timestamps, to and from unix nanoseconds.
enum Timestamps {
    /// Nil for text that is no time, and for times unix nanoseconds cannot hold (before 1677 or
    /// after 2262).
    static func parse(_ text: String) -> Int64? {
        if let seconds = Double(text) { return nanos(seconds: seconds) }
        for style in [Date.ISO8601FormatStyle(includingFractionalSeconds: true), Date.ISO8601FormatStyle()] {
            if let date = try? Date(text, strategy: style) { return nanos(seconds: date.timeIntervalSince1970) }
        }
        return nil
    }

    private static func nanos(seconds: Double) -> Int64? {
        let nanos = seconds * 1e9
        // Int64's bounds as doubles round up to 2^63, which no Int64 holds: compare strictly below it.
        guard nanos.isFinite, nanos > -9.223_372_036_854_775e18, nanos < 9.223_372_036_854_775e18 else { return nil }
        return Int64(nanos)
    }

    static func format(nanos: Int64) -> String {
        Date(timeIntervalSince1970: Double(nanos) / 1e9).formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
