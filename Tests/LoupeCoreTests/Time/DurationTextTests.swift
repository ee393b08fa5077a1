import LoupeCore
import Testing

struct DurationTextTests {
    @Test(arguments: [("90s", Int64(90)), ("5m", 300), ("1h", 3_600), ("7d", 604_800), ("120", 120), (" 2H ", 7_200)])
    func parses(text: String, seconds: Int64) {
        #expect(DurationText.seconds(text) == seconds)
    }

    @Test(arguments: ["", "h", "-5m", "0s", "1.5h", "abc", "99999999999999999d"])
    func rejects(text: String) {
        #expect(DurationText.seconds(text) == nil)
    }
}
