/// Formats Unix nanoseconds as ISO-8601 UTC with microseconds: `2023-11-14T22:13:20.123456Z`.
///
/// Microseconds rather than milliseconds because spans of one LLM call are often closer together
/// than a millisecond, and log lines sort by this field.
enum ISO8601Timestamp {
    static func string(unixNanos: Int64) -> String {
        var seconds = unixNanos / 1_000_000_000
        var nanos = unixNanos % 1_000_000_000
        if nanos < 0 {
            seconds -= 1
            nanos += 1_000_000_000
        }
        let date = UTCDateTime(unixSeconds: seconds)
        var text = ""
        text.reserveCapacity(27)
        append(date.year, digits: 4, to: &text)
        text.append("-")
        append(date.month, digits: 2, to: &text)
        text.append("-")
        append(date.day, digits: 2, to: &text)
        text.append("T")
        append(date.hour, digits: 2, to: &text)
        text.append(":")
        append(date.minute, digits: 2, to: &text)
        text.append(":")
        append(date.second, digits: 2, to: &text)
        text.append(".")
        append(Int(nanos / 1_000), digits: 6, to: &text)
        text.append("Z")
        return text
    }

    private static func append(_ value: Int, digits: Int, to text: inout String) {
        let decimal = String(value)
        if decimal.count < digits {
            text.append(String(repeating: "0", count: digits - decimal.count))
        }
        text.append(decimal)
    }
}
