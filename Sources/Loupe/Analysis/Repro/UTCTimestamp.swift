/// UTC timestamps for reproduction names and contents, computed by hand so they do not depend on
/// the process's locale, time zone or calendar.
enum UTCTimestamp {
    /// `2023-11-14T22:13:20.123Z`.
    static func iso8601(unixNanos: Int64) -> String {
        let parts = Parts(unixNanos: unixNanos)
        return "\(parts.date("-"))T\(parts.time(":")).\(pad(parts.millis, 3))Z"
    }

    /// `20231114T221320.123Z`: sorts in time order and is safe in a file name.
    static func compact(unixNanos: Int64) -> String {
        let parts = Parts(unixNanos: unixNanos)
        return "\(parts.date(""))T\(parts.time("")).\(pad(parts.millis, 3))Z"
    }

    private struct Parts {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0

        init(unixNanos: Int64) {
            let millisTotal = unixNanos / 1_000_000
            var seconds = millisTotal / 1_000
            millis = Int(millisTotal - seconds * 1_000)
            if millis < 0 {
                millis += 1_000
                seconds -= 1
            }
            var days = seconds / 86_400
            var secondOfDay = seconds - days * 86_400
            if secondOfDay < 0 {
                secondOfDay += 86_400
                days -= 1
            }
            hour = Int(secondOfDay / 3_600)
            minute = Int(secondOfDay % 3_600 / 60)
            second = Int(secondOfDay % 60)
            // Howard Hinnant's civil-from-days, exact for the whole proleptic Gregorian calendar.
            let z = Int(days) + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let monthIndex = (5 * dayOfYear + 2) / 153
            day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
            month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
            year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        }

        func date(_ separator: String) -> String {
            "\(pad(year, 4))\(separator)\(pad(month, 2))\(separator)\(pad(day, 2))"
        }

        func time(_ separator: String) -> String {
            "\(pad(hour, 2))\(separator)\(pad(minute, 2))\(separator)\(pad(second, 2))"
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }
}
