import LoupeAlerts
import Testing

struct AlertTrackerTests {
    static let rule = AlertRule(name: "p95", measure: .latencyP95, warning: 2_000, critical: 5_000, forEvaluations: 2, groupBy: ["service"])

    static func seen(_ value: Double?, service: String = "rag") -> AlertObservation {
        AlertObservation(key: ["service": service], value: value, level: value.flatMap(rule.level(of:)), requests: 50, detail: "p95 \(value ?? 0)")
    }

    @Test func anAlertFiresAfterForConsecutiveBreachesAndResolvesOnce() {
        var tracker = AlertTracker()
        #expect(tracker.apply(rule: Self.rule, observations: [Self.seen(2_500)], atNanos: 1).isEmpty)
        #expect(tracker.alerts.values.first?.status == .pending)
        let fired = tracker.apply(rule: Self.rule, observations: [Self.seen(2_600)], atNanos: 2)
        #expect(fired.map(\.kind) == [.firing])
        #expect(fired.first?.alert.severity == .warning && fired.first?.alert.startedNanos == 1)
        tracker.noted(fired[0], deferred: false)
        #expect(tracker.apply(rule: Self.rule, observations: [Self.seen(2_700)], atNanos: 3).isEmpty)
        let escalated = tracker.apply(rule: Self.rule, observations: [Self.seen(6_000)], atNanos: 4)
        #expect(escalated.map(\.kind) == [.escalated])
        tracker.noted(escalated[0], deferred: false)
        let resolved = tracker.apply(rule: Self.rule, observations: [Self.seen(900)], atNanos: 5)
        #expect(resolved.map(\.kind) == [.resolved])
        #expect(tracker.apply(rule: Self.rule, observations: [Self.seen(800)], atNanos: 6).isEmpty)
    }

    @Test func aBreachShorterThanForNeverFires() {
        var tracker = AlertTracker()
        for (t, value) in [2_500.0, 900, 2_500, 900].enumerated() {
            #expect(tracker.apply(rule: Self.rule, observations: [Self.seen(value)], atNanos: Int64(t)).isEmpty)
        }
    }

    @Test func tooLittleTrafficCountsAsWithinBounds() {
        var tracker = AlertTracker()
        _ = tracker.apply(rule: Self.rule, observations: [Self.seen(3_000)], atNanos: 1)
        _ = tracker.apply(rule: Self.rule, observations: [Self.seen(3_000)], atNanos: 2)
        // Below min_requests the evaluator reports no value and no level: the alert resolves.
        let quiet = AlertObservation(key: ["service": "rag"], value: nil, level: nil, requests: 3, detail: "3 requests")
        #expect(tracker.apply(rule: Self.rule, observations: [quiet], atNanos: 3).map(\.kind) == [.resolved])
    }

    @Test func groupsFireApartAndAGroupThatStopsResolves() {
        var tracker = AlertTracker()
        let both = [Self.seen(3_000), Self.seen(3_000, service: "chat")]
        _ = tracker.apply(rule: Self.rule, observations: both, atNanos: 1)
        #expect(tracker.apply(rule: Self.rule, observations: both, atNanos: 2).count == 2)
        let one = tracker.apply(rule: Self.rule, observations: [Self.seen(3_000)], atNanos: 3)
        #expect(one.map(\.kind) == [.resolved] && one.first?.alert.key == ["service": "chat"])
    }

    @Test func aResolutionDuringQuietHoursCancelsTheHeldBackFiring() {
        var tracker = AlertTracker()
        _ = tracker.apply(rule: Self.rule, observations: [Self.seen(3_000)], atNanos: 1)
        let fired = tracker.apply(rule: Self.rule, observations: [Self.seen(3_000)], atNanos: 2)
        tracker.noted(fired[0], deferred: true)
        #expect(tracker.deferred.map(\.kind) == [.firing])
        let resolved = tracker.apply(rule: Self.rule, observations: [Self.seen(100)], atNanos: 3)
        tracker.noted(resolved[0], deferred: true)
        #expect(tracker.deferred.isEmpty)
    }

    @Test func idsAreStableForARuleAndAGroup() {
        #expect(AlertState.id(rule: "p95", key: ["service": "rag", "model": "x"]) == AlertState.id(rule: "p95", key: ["model": "x", "service": "rag"]))
        #expect(AlertState.id(rule: "p95", key: ["service": "rag"]) != AlertState.id(rule: "p95", key: ["service": "chat"]))
        #expect(AlertState.id(rule: "p95", key: [:]).count == 16)
    }
}
