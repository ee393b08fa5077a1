import LoupeCore
import Testing

@testable import LoupeDemo

/// The demo's incidents come one after another, each in its own window, so each kind of anomaly
/// shows on its own.
struct DemoIncidentTests {
    @Test func theLoopTheBurstAndTheDipEachHaveTheirWindow() {
        let incident = DemoTrafficGenerator.Incident()
        func minute(_ m: Int) -> Duration { .seconds(m * 60) }
        #expect(!incident.runaway(minute(11)) && incident.runaway(minute(12)) && incident.runaway(minute(19)) && !incident.runaway(minute(20)))
        #expect(!incident.burst(minute(21)) && incident.burst(minute(22)) && incident.burst(minute(26)) && !incident.burst(minute(27)))
        #expect(!incident.dip(minute(31)) && incident.dip(minute(32)) && incident.dip(minute(36)) && !incident.dip(minute(37)))
    }

    @Test func duringTheBurstTwoInFiveRequestsHitARateLimit() {
        var factory = DemoTraceFactory(random: DemoRandom(seed: 3), failureRate: 0)
        factory.burst = (.rateLimit, 0.4)
        let traces = (0..<500).map { _ in factory.makeTrace(endingBefore: 1_795_780_800_000_000_000) }
        let limited = traces.filter { trace in trace.contains { $0.attributes["http.response.status_code"] == .int(429) } }.count
        #expect((170...230).contains(limited), "\(limited) of 500")
    }
}
