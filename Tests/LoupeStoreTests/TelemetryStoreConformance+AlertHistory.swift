import LoupeStore
import Testing

extension TelemetryStoreConformance {
    @Test(arguments: Kind.allCases)
    func alertHistoryIsReadNewestFirst(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        func event(_ at: Int64, _ id: String, _ what: String) -> AlertEvent {
            AlertEvent(atNanos: at, alertId: id, rule: "latency_p95", key: ["service": "rag"], event: what, severity: "warning", value: 2_400, detail: "p95")
        }
        try await store.appendAlertEvents([event(10, "a", "pending"), event(20, "a", "firing"), event(20, "a", "delivered"), event(30, "b", "firing")])
        let all = try await store.alertEvents(AlertEventQuery(fromNanos: 0, toNanos: 100))
        #expect(all.map(\.event) == ["firing", "delivered", "firing", "pending"])
        #expect(all.first?.key == ["service": "rag"] && all.first?.value == 2_400)
        let one = try await store.alertEvents(AlertEventQuery(fromNanos: 0, toNanos: 25, alertId: "a", limit: 2))
        #expect(one.map(\.event) == ["delivered", "firing"])
    }
}
