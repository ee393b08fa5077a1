@testable import LoupeCore
import Testing

@Suite struct CivilDateTests {
    @Test(arguments: [
        ("1970-01-01", Int64(0)),
        // 2024-08-06T00:00:00Z = 1,722,902,400 s
        ("2024-08-06", Int64(1_722_902_400) * 1_000_000_000),
        // 2000-03-01T00:00:00Z = 951,868,800 s (just after a century leap day)
        ("2000-03-01", Int64(951_868_800) * 1_000_000_000),
        // 2024-02-29T00:00:00Z = 1,709,164,800 s
        ("2024-02-29", Int64(1_709_164_800) * 1_000_000_000),
    ])
    func convertsToUnixNanosAtMidnightUTC(text: String, nanos: Int64) {
        #expect(CivilDate(text)?.unixNanos == nanos)
    }

    @Test(arguments: ["2024-13-01", "2023-02-29", "2024-04-31", "2024-8-6", "20240806", "1969-12-31", "2024-08-06T00:00", ""])
    func rejectsAnythingButARealDay(text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test func ordersChronologically() throws {
        let earlier = try #require(CivilDate("2024-05-13"))
        let later = try #require(CivilDate("2024-08-06"))
        #expect(earlier < later)
    }
}
