import Foundation

/// RFC 3339 and unix-seconds timestamps, to and from unix nanoseconds.
enum Timestamps {
    static func parse(_ text: String) -> Int64? {
        if let seconds = Double(text), seconds.isFinite, abs(seconds) < 1e11 { return Int64(seconds * 1e9) }
        for style in [Date.ISO8601FormatStyle(includingFractionalSeconds: true), Date.ISO8601FormatStyle()] {
            if let date = try? Date(text, strategy: style) { return Int64(date.timeIntervalSince1970 * 1e9) }
        }
        return nil
    }

    static func format(nanos: Int64) -> String {
        Date(timeIntervalSince1970: Double(nanos) / 1e9).formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
