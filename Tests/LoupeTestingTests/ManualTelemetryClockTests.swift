import Loupe
import LoupeTesting
import Testing

struct ManualTelemetryClockTests {
    @Test func advancesBothReadingsByExactlyTheDuration() {
        let clock = ManualTelemetryClock(unixNanos: 0)
        let before = clock.now()

        clock.advance(by: .milliseconds(1_500))

        #expect(clock.now().nanosSince(before) == 1_500_000_000)
        #expect(clock.now().unixNanos == 1_500_000_000)
    }

    @Test func wallClockStepsLeaveTheMonotonicReading() {
        let clock = ManualTelemetryClock(unixNanos: 10)
        let before = clock.now()

        clock.stepWallClock(byNanos: -5)

        #expect(clock.now().monotonicNanos == before.monotonicNanos)
        #expect(clock.now().unixNanos == 5)
    }
}
