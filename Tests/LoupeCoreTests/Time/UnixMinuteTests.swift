import LoupeCore
import Testing

struct UnixMinuteTests {
    @Test(arguments: [(Int64(0), Int64(0)), (59_999_999_999, 0), (60_000_000_000, 1), (-1, -1), (-60_000_000_000, -1), (-60_000_000_001, -2)])
    func minutesRoundDownAlsoBefore1970(nanos: Int64, minute: Int64) {
        #expect(UnixMinute.containing(nanos: nanos) == minute)
    }

    @Test func floorDivisionRoundsTowardsMinusInfinity() {
        #expect(UnixMinute.floorDivide(7, 10) == 0)
        #expect(UnixMinute.floorDivide(-7, 10) == -1)
        #expect(UnixMinute.floorDivide(-20, 10) == -2)
    }
}
