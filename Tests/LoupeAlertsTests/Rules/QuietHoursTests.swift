import Foundation
import LoupeAlerts
import Testing

struct QuietHoursTests {
    /// 2026-01-15 21:30 UTC is 22:30 in Paris (winter, UTC+1).
    static let parisEvening: Int64 = 1_768_512_600_000_000_000

    @Test func hoursAcrossMidnightInTheirTimeZone() {
        let paris = QuietHours(start: "22:00", end: "07:00", timezone: "Europe/Paris")
        #expect(paris.contains(unixNanos: Self.parisEvening))
        #expect(!paris.contains(unixNanos: Self.parisEvening - 3_600_000_000_000))  // 21:30 in Paris
        #expect(paris.contains(unixNanos: Self.parisEvening + 8 * 3_600_000_000_000))  // 06:30 next day
        #expect(!paris.contains(unixNanos: Self.parisEvening + 9 * 3_600_000_000_000))  // 07:30
        let utc = QuietHours(start: "22:00", end: "07:00")
        #expect(!utc.contains(unixNanos: Self.parisEvening))  // 21:30 UTC
    }

    @Test func hoursWithinADay() {
        let lunch = QuietHours(start: "12:00", end: "13:00")
        #expect(lunch.contains(unixNanos: 1_768_478_400_000_000_000))  // 12:00 UTC
        #expect(!lunch.contains(unixNanos: 1_768_482_000_000_000_000))  // 13:00 UTC
    }
}
