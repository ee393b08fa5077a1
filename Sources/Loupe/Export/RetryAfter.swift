/// Reads an HTTP `Retry-After` value: delay-seconds (`120`) or an HTTP-date in any of the three
/// forms RFC 9110 makes recipients accept (`Sun, 06 Nov 1994 08:49:37 GMT`,
/// `Sunday, 06-Nov-94 08:49:37 GMT`, `Sun Nov  6 08:49:37 1994`).
enum RetryAfter {
    /// The wait `value` asks for, measured from `nowUnixNanos` for dates (a date in the past
    /// means now); nil when it is neither form.
    static func delay(_ value: String, nowUnixNanos: Int64) -> Duration? {
        let trimmed = value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            // More digits than a year of seconds is still "a long time", not an overflow.
            return .seconds(Int64(trimmed.prefix(12)) ?? 0)
        }
        guard let date = httpDate(trimmed) else { return nil }
        let waitNanos = date.unixSeconds * 1_000_000_000 - nowUnixNanos
        return waitNanos > 0 ? .nanoseconds(waitNanos) : .zero
    }

    static func httpDate(_ text: String) -> UTCDateTime? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard tokens.count >= 4 else { return nil }
        let parsed: (day: Int?, month: Int?, year: Int?, time: String)
        if tokens[1].contains("-") {
            // RFC 850: weekday, DD-Mon-YY HH:MM:SS GMT
            let parts = tokens[1].split(separator: "-").map(String.init)
            guard parts.count == 3, tokens[3] == "GMT" else { return nil }
            parsed = (Int(parts[0]), month(parts[1]), Int(parts[2]).map(fullYear), tokens[2])
        } else if let month = month(tokens[1]) {
            // asctime: Www Mon D HH:MM:SS YYYY
            guard tokens.count == 5 else { return nil }
            parsed = (Int(tokens[2]), month, Int(tokens[4]), tokens[3])
        } else {
            // IMF-fixdate: Www, DD Mon YYYY HH:MM:SS GMT
            guard tokens.count == 6, tokens[5] == "GMT" else { return nil }
            parsed = (Int(tokens[1]), month(tokens[2]), Int(tokens[3]), tokens[4])
        }
        let clock = parsed.time.split(separator: ":").compactMap { Int($0) }
        guard let day = parsed.day, let month = parsed.month, let year = parsed.year, clock.count == 3 else {
            return nil
        }
        let date = UTCDateTime(year: year, month: month, day: day, hour: clock[0], minute: clock[1], second: clock[2])
        return date.isValid ? date : nil
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func month(_ name: String) -> Int? {
        months.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }

    /// RFC 850's two-digit years: RFC 9110 reads one more than 50 years ahead as the past
    /// century; for a `Retry-After`, 70…99 are the 1900s and the rest this century.
    private static func fullYear(_ twoDigits: Int) -> Int {
        twoDigits >= 100 ? twoDigits : (twoDigits >= 70 ? 1_900 + twoDigits : 2_000 + twoDigits)
    }
}
