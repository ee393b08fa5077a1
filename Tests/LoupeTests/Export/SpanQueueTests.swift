@testable import Loupe
import Testing

struct SpanQueueTests {
    static func span(_ index: Int) -> FinishedSpan {
        FinishedSpan(
            event: "test.work", name: "work \(index)",
            context: SpanContext(traceID: TraceID(high: 1, low: 1), spanID: SpanID(rawValue: UInt64(index + 1))),
            startUnixNanos: 0, endUnixNanos: 1, durationNanos: 1)
    }

    @Test func aFullBatchWakesTheLoopOncePerBurst() {
        let queue = SpanQueue(capacity: 10, batchSize: 2, dropsOldest: false)
        let wakes = (0..<5).map { index -> Bool in
            if case .accepted(let wake) = queue.enqueue(Self.span(index)) { return wake }
            return false
        }
        #expect(wakes == [false, true, false, false, false])

        #expect(queue.takeFullBatch()?.map(\.name) == ["work 0", "work 1"])
        #expect(queue.takeFullBatch()?.map(\.name) == ["work 2", "work 3"])
        #expect(queue.takeFullBatch() == nil)
        // Taking every full batch re-arms the signal.
        if case .accepted(let wake) = queue.enqueue(Self.span(5)) { #expect(wake) } else { Issue.record("refused") }
    }

    @Test func aClosedQueueRefusesSpansButGivesUpWhatItHolds() {
        let queue = SpanQueue(capacity: 4, batchSize: 4, dropsOldest: true)
        _ = queue.enqueue(Self.span(0))
        queue.close()
        guard case .dropped = queue.enqueue(Self.span(1)) else {
            Issue.record("a closed queue accepted a span")
            return
        }
        #expect(queue.takeBatch().map(\.name) == ["work 0"])
        #expect(queue.takeBatch().isEmpty)
    }

    @Test func theRingWrapsAround() {
        let queue = SpanQueue(capacity: 3, batchSize: 2, dropsOldest: true)
        for index in 0..<7 { _ = queue.enqueue(Self.span(index)) }
        #expect(queue.takeBatch().map(\.name) == ["work 4", "work 5"])
        #expect(queue.takeBatch().map(\.name) == ["work 6"])
    }
}
