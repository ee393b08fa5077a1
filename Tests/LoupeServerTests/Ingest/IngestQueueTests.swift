import Foundation
import Logging
import LoupeCore
@testable import LoupeServer
import LoupeStore
import Testing

struct IngestQueueTests {
    func spans(_ n: Int, trace: String = "0af7651916cd43dd8448eb211c80319c") -> [SpanRecord] {
        (0..<n).map { SpanRecord(traceId: trace, spanId: String(format: "%016x", $0 + 1), name: "s", startNanos: 1, endNanos: 2) }
    }

    /// A store whose writes fail whenever a batch holds a span of `poisonedTrace` (every batch when
    /// nil); reads work. `claimedElsewhere`: another process already ingests into it.
    struct PoisonedStore: TelemetryStore {
        struct Poisoned: Error {}
        struct Claimed: Error {}
        let poisonedTrace: String?
        var claimedElsewhere = false
        let reads = InMemoryTelemetryStore()
        func claimIngest() async throws { if claimedElsewhere { throw Claimed() } }
        func write(_ batch: SpanBatch) async throws -> WriteOutcome {
            if poisonedTrace == nil || batch.segments.joined().contains(where: { $0.traceId == poisonedTrace }) { throw Poisoned() }
            return try await reads.write(batch)
        }
        func rollups(_ query: RollupQuery) async throws -> [RollupRow] { try await reads.rollups(query) }
        func traces(_ query: TraceQuery) async throws -> [TraceSummary] { try await reads.traces(query) }
        func spans(traceId: String) async throws -> [SpanRecord] { try await reads.spans(traceId: traceId) }
        func logs(traceIds: [String]) async throws -> [LogRecord] { try await reads.logs(traceIds: traceIds) }
        func rootOperations(_ query: TraceQuery) async throws -> [RootOperation] { try await reads.rootOperations(query) }
        func spans(traceIds: [String], withContent: Bool) async throws -> [SpanRecord] {
            try await reads.spans(traceIds: traceIds, withContent: withContent)
        }
        func tracesWithFailedCalls(_ query: TraceQuery) async throws -> [String: Int64] {
            try await reads.tracesWithFailedCalls(query)
        }
        func failedSpans(_ query: FailedSpanQuery) async throws -> [SpanRecord] { try await reads.failedSpans(query) }
        func failureModes(_ query: FailureModeQuery) async throws -> FailureModes { try await reads.failureModes(query) }
        func experimentVariants(_ query: TraceQuery) async throws -> [ExperimentVariantCount] { try await reads.experimentVariants(query) }
        func writeScores(_ scores: [Score]) async throws -> Int { try await reads.writeScores(scores) }
        func experimentArms(_ query: ExperimentArmQuery) async throws -> [ExperimentArm] { try await reads.experimentArms(query) }
        func firstRequests(_ query: EngagementQuery) async throws -> [String: Int64] { try await reads.firstRequests(query) }
        func sessionShapes(_ query: EngagementQuery) async throws -> [SessionShape] { try await reads.sessionShapes(query) }
        func scores(_ query: ScoreQuery) async throws -> [Score] { try await reads.scores(query) }
        func scoredRequests(_ query: ScoredRequestQuery) async throws -> [ScoredRequest] { try await reads.scoredRequests(query) }
        func retrievedRequests(_ query: RetrievalQuery) async throws -> [RetrievedRequest] { try await reads.retrievedRequests(query) }
        func documentUses(_ query: DocumentUseQuery) async throws -> [DocumentUse] { try await reads.documentUses(query) }
        func requestOutcomes(_ query: RequestOutcomeQuery) async throws -> [RequestOutcome] { try await reads.requestOutcomes(query) }
        func appendAlertEvents(_ events: [AlertEvent]) async throws { try await reads.appendAlertEvents(events) }
        func alertEvents(_ query: AlertEventQuery) async throws -> [AlertEvent] { try await reads.alertEvents(query) }
        func unpricedModels(fromNanos: Int64, toNanos: Int64) async throws -> [UnpricedModel] {
            try await reads.unpricedModels(fromNanos: fromNanos, toNanos: toNanos)
        }
        func reprice(fromNanos: Int64, toNanos: Int64, price: @Sendable (SpanRecord) -> Double?) async throws -> RepriceOutcome {
            throw Poisoned()
        }
        func createAccessKey(_ key: AccessKey, audit: AuditRecord) async throws { try await reads.createAccessKey(key, audit: audit) }
        func accessKeys() async throws -> [AccessKey] { try await reads.accessKeys() }
        func accessKey(id: String) async throws -> AccessKey? { try await reads.accessKey(id: id) }
        func revokeAccessKey(id: String, atNanos: Int64, audit: AuditRecord) async throws -> Bool {
            try await reads.revokeAccessKey(id: id, atNanos: atNanos, audit: audit)
        }
        func appendAudit(_ records: [AuditRecord]) async throws -> [AuditEntry] { try await reads.appendAudit(records) }
        func auditEntries(_ query: AuditQuery) async throws -> [AuditEntry] { try await reads.auditEntries(query) }
        func deleteExpiredTraces(_ request: ExpiryRequest) async throws -> DeletedCounts { try await reads.deleteExpiredTraces(request) }
        func deleteExpiredRollups(_ request: ExpiryRequest) async throws -> DeletedCounts { try await reads.deleteExpiredRollups(request) }
        func oldestData() async throws -> OldestData { try await reads.oldestData() }
        func eraseUser(_ userId: String, audit: @Sendable (DeletedCounts) -> AuditRecord) async throws -> DeletedCounts {
            try await reads.eraseUser(userId, audit: audit)
        }
    }

    @Test func aFullQueueRefusesAtOnceAndAcknowledgesOnlyAfterCommit() async throws {
        let queue = IngestQueue(capacity: 3)
        let store = InMemoryTelemetryStore()
        let first = Task { try await queue.submit(spans(3)) }
        while queue.depth == 0 { await Task.yield() }
        await #expect(throws: IngestError.queueFull) { try await queue.submit(spans(1, trace: "1af7651916cd43dd8448eb211c80319c")) }
        // Nothing was acknowledged yet, and nothing stored: the writer has not run.
        #expect(try await store.spans(traceId: "0af7651916cd43dd8448eb211c80319c").isEmpty)
        let writer = BatchWriter(queue: queue, store: store, maxBatchSpans: 100, logger: Logger(label: "test"))
        let running = Task { try await writer.run() }
        try await first.value
        #expect(try await store.spans(traceId: "0af7651916cd43dd8448eb211c80319c").count == 3)
        queue.close()
        try await running.value
        await #expect(throws: IngestError.shuttingDown) { try await queue.submit(spans(1)) }
    }

    @Test func aStoreFailureIsReportedAndNothingIsAcknowledged() async throws {
        let queue = IngestQueue(capacity: 10)
        let counters = IngestCounters()
        let writer = BatchWriter(
            queue: queue, store: PoisonedStore(poisonedTrace: nil), maxBatchSpans: 100, counters: counters, logger: Logger(label: "test"))
        let running = Task { try await writer.run() }
        await #expect(throws: IngestError.self) { try await queue.submit(spans(2)) }
        queue.close()
        try await running.value
        #expect(counters.snapshot.commitFailures == 1)
        #expect(counters.snapshot.commits == 0)
    }

    @Test func oneBadRequestFailsAloneAndTheRequestsCommittedWithItAreStored() async throws {
        let poisoned = "2af7651916cd43dd8448eb211c80319c"
        let store = PoisonedStore(poisonedTrace: poisoned)
        let queue = IngestQueue(capacity: 100)
        let counters = IngestCounters()
        let traces = ["0af7651916cd43dd8448eb211c80319c", "1af7651916cd43dd8448eb211c80319c", poisoned, "3af7651916cd43dd8448eb211c80319c"]
        // All four are queued before the writer starts, so its first transaction holds them together.
        let submissions = traces.map { trace in
            Task { () -> Bool in
                do {
                    try await queue.submit(spans(2, trace: trace))
                    return true
                } catch {
                    return false
                }
            }
        }
        while queue.depth < 8 { await Task.yield() }
        let writer = BatchWriter(queue: queue, store: store, maxBatchSpans: 100, counters: counters, logger: Logger(label: "test"))
        let running = Task { try await writer.run() }
        var acknowledged: [Bool] = []
        for submission in submissions { acknowledged.append(await submission.value) }
        #expect(acknowledged == [true, true, false, true])
        for trace in traces where trace != poisoned {
            #expect(try await store.spans(traceId: trace).count == 2)
        }
        #expect(try await store.spans(traceId: poisoned).isEmpty)
        // The group failed once, then each request was written alone: three commits, two failures.
        #expect(counters.snapshot.commits == 3)
        #expect(counters.snapshot.commitFailures == 2)
        queue.close()
        try await running.value
    }

    @Test func aCancelledWriterFailsWhatIsQueuedInsteadOfLeavingItWaiting() async throws {
        let queue = IngestQueue(capacity: 100)
        let writer = BatchWriter(queue: queue, store: InMemoryTelemetryStore(), maxBatchSpans: 100, logger: Logger(label: "test"))
        let running = Task { try await writer.run() }
        // Cancelled while it waits for work, the writer returns; what arrives later is refused.
        running.cancel()
        try await running.value
        await #expect(throws: IngestError.shuttingDown) { try await queue.submit(spans(1)) }
    }

    @Test func aWriterWhoseStoreIsClaimedElsewhereFailsAtStartUpAndRefusesWork() async throws {
        let queue = IngestQueue(capacity: 10)
        let writer = BatchWriter(queue: queue, store: PoisonedStore(poisonedTrace: nil, claimedElsewhere: true), maxBatchSpans: 100, logger: Logger(label: "test"))
        await #expect(throws: PoisonedStore.Claimed.self) { try await writer.run() }
        await #expect(throws: IngestError.shuttingDown) { try await queue.submit(spans(1)) }
    }

    @Test func retryAfterIsTheTimeTheBacklogNeedsToDrain() {
        let counters = IngestCounters()
        #expect(counters.retryAfterSeconds(backlogSpans: 100_000, fallback: 2) == 2)
        counters.recordCommit(spans: 20_000, seconds: 0.5, failed: false)  // 40,000 spans/s
        #expect(counters.retryAfterSeconds(backlogSpans: 100_000, fallback: 2) == 3)
        #expect(counters.retryAfterSeconds(backlogSpans: 10, fallback: 2) == 1)
        #expect(counters.retryAfterSeconds(backlogSpans: 100_000_000, fallback: 2) == 60)
        // A commit of a handful of spans measures the fsync, not the rate: it teaches nothing.
        counters.recordCommit(spans: 3, seconds: 0.5, failed: false)
        #expect(counters.snapshot.drainSpansPerSecond == 40_000)
    }
}

struct IngestBudgetTests {
    @Test func aRequestIsTakenAloneWhateverItsSizeButNotBesideOthersPastTheLimit() {
        let budget = IngestBudget(limitBytes: 1_000)
        #expect(budget.reserve(5_000))
        #expect(!budget.reserve(1))
        budget.release(5_000)
        #expect(budget.reserve(600))
        #expect(!budget.reserve(500))
        #expect(budget.reserve(400))
        #expect(budget.isExhausted)
        budget.release(1_000)
        #expect(budget.bytesInFlight == 0)
    }
}
