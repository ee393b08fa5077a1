@testable import Loupe
import Testing

struct RetryAfterTests {
    /// 1994-11-06T08:49:37Z, the example date of RFC 9110.
    static let example: Int64 = 784_111_777

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
    ])
    func allThreeHTTPDateFormsAreRead(value: String) {
        let now = (Self.example - 30) * 1_000_000_000
        #expect(RetryAfter.delay(value, nowUnixNanos: now) == .seconds(30))
    }

    @Test func secondsAreRead() {
        #expect(RetryAfter.delay("120", nowUnixNanos: 0) == .seconds(120))
        #expect(RetryAfter.delay(" 0 ", nowUnixNanos: 0) == .zero)
    }

    @Test func aDateInThePastMeansNow() {
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:49:37 GMT", nowUnixNanos: Self.example * 1_000_000_000 + 5) == .zero)
    }

    @Test(arguments: ["soon", "-5", "1.5", "Sun, 30 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", ""])
    func anythingElseIsIgnored(value: String) {
        #expect(RetryAfter.delay(value, nowUnixNanos: 0) == nil)
    }
}
