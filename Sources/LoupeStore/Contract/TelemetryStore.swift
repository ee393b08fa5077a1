import LoupeCore

/// The storage contract every Loupe store meets (in-memory, SQLite, ClickHouse).
///
/// - Writes are idempotent: a span is identified by (trace id, span id), and one sent again is
///   stored once and counted once in rollups. A store that several processes write at once (the
///   ClickHouse store) keeps this for a span sent again after its first write returned; two writes
///   of one span in flight at the same moment may count it twice in rollups and trace summaries, though
///   span reads still show it once.
/// - One provider call is counted once: a call whose ``SpanRecord/responseId`` was claimed in its
///   project by another span of the same call (``CallResponseClaim/isSameCall(as:)``) is stored as
///   a repeated report (``SpanRecord/stepAsideAsRepeatedReport()``), the first one stored keeping
///   the call. A call that reuses an id for another call counts, and the id's claim becomes its.
/// - A model span whose child model span of the same operation was stored before it only wraps that
///   call (``ModelCallWrappers`` across export requests): it steps aside
///   (``SpanRecord/stepAsideForStoredChild(childReportsUsage:)``).
/// - A write returns only after the spans are durable; callers acknowledge clients after that.
/// - A write is atomic: on error nothing of the batch is stored.
/// - Reads return values the caller owns, and never write. Span, score and key reads see every write
///   that returned before they started; rollup and trace-summary reads see every write whose
///   aggregates were flushed (``flushAggregates()``) before they started. A store that aggregates as
///   it writes has nothing to flush, so its reads see every returned write.
public protocol TelemetryStore: Sendable {
    /// Stores a batch; its precomputed aggregates are applied for the spans that were new.
    func write(_ batch: SpanBatch) async throws -> WriteOutcome

    /// Rollup rows of one grain in a minute range, matching the query's filters.
    func rollups(_ query: RollupQuery) async throws -> [RollupRow]

    /// Trace summaries, newest first, at most `query.limit`.
    func traces(_ query: TraceQuery) async throws -> [TraceSummary]

    /// Traces matching the query (its limit aside) whose root has arrived and which hold at least one
    /// failed model call, counted by their root's service: the requests with a failed call, which a
    /// retry or fallback may have recovered. A request entered through a remote parent counts with
    /// its trace's root service.
    func tracesWithFailedCalls(_ query: TraceQuery) async throws -> [String: Int64]

    /// The root operations among the newest `query.limit` traces matching the query whose root
    /// has arrived, most traces first: bounded work however many traces the range holds.
    func rootOperations(_ query: TraceQuery) async throws -> [RootOperation]

    /// Every stored span of these traces, in trace and start order: one read for many traces.
    /// Without content, attributes, events and resource are left empty (timings and fields only).
    func spans(traceIds: [String], withContent: Bool) async throws -> [SpanRecord]

    /// Every stored span of one trace, in start order; empty when the trace is unknown.
    func spans(traceId: String) async throws -> [SpanRecord]
    /// The log records of these traces (``SpanBatch/logs``), in time order. Retention deletes a
    /// trace's records with it, and records outside any trace by their own time; erasing a user
    /// deletes the records of their traces.
    func logs(traceIds: [String]) async throws -> [LogRecord]

    /// Failed spans in a range, newest first, at most `query.limit`.
    func failedSpans(_ query: FailedSpanQuery) async throws -> [SpanRecord]

    /// Root-cause failures in a range by failure mode, with samples and trends. Stores may refuse a
    /// query that is not ``FailureModeQuery/isSupported``; the analytics then read ``failedSpans(_:)``.
    func failureModes(_ query: FailureModeQuery) async throws -> FailureModes

    /// Traces of the query's range and filters (its limit aside) that ran under an experiment,
    /// counted by experiment and variant.
    func experimentVariants(_ query: TraceQuery) async throws -> [ExperimentVariantCount]

    /// The arms of a comparison in a range (one experiment's variants, or the models, prompt versions
    /// or dimension values of the requests), each added up (``ExperimentArm``), by arm name.
    func experimentArms(_ query: ExperimentArmQuery) async throws -> [ExperimentArm]

    /// How the range's requests ended, by arm and step: requests, failed, with negative feedback,
    /// and unsuccessful (either); by arm name, then step.
    func requestOutcomes(_ query: RequestOutcomeQuery) async throws -> [RequestOutcome]

    /// The first request ever (its start, in the query's project when it names one) of each user
    /// with a request in the range: what tells new users from returning ones.
    func firstRequests(_ query: EngagementQuery) async throws -> [String: Int64]

    /// The sessions of the range's newest `query.sessionRequests` requests (with a session): each
    /// one's requests among them and its length.
    func sessionShapes(_ query: EngagementQuery) async throws -> [SessionShape]

    /// Stores scores atomically, one per id: a score whose id is stored already replaces it.
    /// Returns how many ids were new.
    @discardableResult
    func writeScores(_ scores: [Score]) async throws -> Int

    /// Numeric and yes-or-no scores of traces (or their spans) whose request started in the range,
    /// each with its request's service, duration and cost; the newest requests' first, at most `query.limit`.
    func scoredRequests(_ query: ScoredRequestQuery) async throws -> [ScoredRequest]

    /// Requests whose retrieval or reranking steps (``SpanBatch/retrievals``, stored with the spans;
    /// a step sent again is stored once) ran in the range, each with what its steps returned, its
    /// dimensions and how it ended; the newest first, at most `query.limit`, from the range's newest
    /// `2 × query.limit` steps (a request takes one or two: a retrieval and a reranking), so a
    /// request at the edge of those may show only some of its steps.
    func retrievedRequests(_ query: RetrievalQuery) async throws -> [RetrievedRequest]

    /// Every document retrieval steps (reranking aside) returned in the range, among its newest
    /// `query.newest` retrievals of a document, the most retrieved first, at most `query.limit`.
    func documentUses(_ query: DocumentUseQuery) async throws -> [DocumentUse]

    /// Scores matching the query, newest first, at most `query.limit`.
    func scores(_ query: ScoreQuery) async throws -> [Score]

    /// Appends entries to the alert history, atomically.
    func appendAlertEvents(_ events: [AlertEvent]) async throws

    /// Alert history in a range, newest first, at most `query.limit`.
    func alertEvents(_ query: AlertEventQuery) async throws -> [AlertEvent]

    /// Stores a new API key and appends `audit` to the trail, in one transaction; a key whose id is
    /// taken is refused with ``AccessKeyConflict``.
    func createAccessKey(_ key: AccessKey, audit: AuditRecord) async throws

    /// Every key, revoked ones included, oldest first.
    func accessKeys() async throws -> [AccessKey]

    /// The key with this visible id, revoked or not; nil when there is none.
    func accessKey(id: String) async throws -> AccessKey?

    /// Revokes a key from `atNanos` on and appends `audit` to the trail, in one transaction; false
    /// (and nothing appended) when there is no such key or it was already revoked.
    func revokeAccessKey(id: String, atNanos: Int64, audit: AuditRecord) async throws -> Bool

    /// Appends records to the audit trail, atomically and in order, each chained to the one before
    /// (``AuditEntry/appending(_:after:)``), and returns them as stored. Entries are never changed
    /// or removed afterwards.
    func appendAudit(_ records: [AuditRecord]) async throws -> [AuditEntry]

    /// Audit entries in chain order, oldest first, at most `query.limit`.
    func auditEntries(_ query: AuditQuery) async throws -> [AuditEntry]

    /// Deletes up to `request.limit` of the oldest traces that started before `request.beforeNanos`
    /// in its projects, with their spans, scores and retrieval steps, and the scores of its projects
    /// that hang off no stored trace, older than ``ExpiryRequest/orphanScoreHorizon(batchCount:newestStart:)``.
    /// Retention calls it again until it deletes nothing, so no call holds the writer for long.
    func deleteExpiredTraces(_ request: ExpiryRequest) async throws -> DeletedCounts

    /// Deletes up to `request.limit` rollup rows (of every tier) whose period starts before
    /// `request.beforeNanos` in its projects; the rows of a period go together or not at all.
    func deleteExpiredRollups(_ request: ExpiryRequest) async throws -> DeletedCounts

    /// When the oldest stored trace and the oldest rollup period begin, over every project.
    func oldestData() async throws -> OldestData

    /// Gives up to `maxBytes` of space freed by deletions back to the file system; returns how
    /// much it gave back (0 for an engine that manages its own space).
    func reclaimSpace(maxBytes: Int64) async throws -> Int64

    /// Erases one end user: their traces with every span, their scores and those of their traces,
    /// their retrieval steps and their per-user rollup rows, leaving no copy of their id or content
    /// behind (deleted bytes are overwritten). Rollups not kept per user keep their totals.
    /// `audit` (given what was deleted) is appended to the trail in the same transaction.
    func eraseUser(_ userId: String, audit: @Sendable (DeletedCounts) -> AuditRecord) async throws -> DeletedCounts

    /// Counted model calls with usage but no price, by model, most used first.
    func unpricedModels(fromNanos: Int64, toNanos: Int64) async throws -> [UnpricedModel]

    /// Recomputes the cost of counted model calls in a range (e.g. after the catalog changed), in spans,
    /// rollups and trace summaries together; `price` returns the new cost, nil when unpriced.
    func reprice(fromNanos: Int64, toNanos: Int64, price: @Sendable (SpanRecord) -> Double?) async throws -> RepriceOutcome

    /// Makes the aggregates of every returned write durable and visible to reads, for a store that
    /// keeps recent ones in memory; a server calls it periodically, when its writer is idle, and when
    /// it stops.
    func flushAggregates() async throws

    /// Periodic upkeep, about once a second in a server: at least ``flushAggregates()``.
    func maintain() async throws

    /// The store's own state: unfolded aggregates and their age, and its size.
    func health() async -> StoreHealth

    /// Whether the store keeps large span text packed (``SpanText/packedAttributes``): a server builds
    /// batches for it with ``SpanBatch/init(_:packingContent:)``, so that packing runs on the threads
    /// that receive spans rather than on the store's single writer.
    var packsContent: Bool { get }

    /// Claims the right to write, before a server accepts its first span: a store that allows one
    /// ingesting process at a time refuses a second one here, at start-up, with an error that says so.
    func claimIngest() async throws

    /// Whether `holder` holds the lease `name` now, taking or renewing it for `ttlNanos` when it is
    /// free, expired or already its own: how background work that must run in one process at a
    /// time (alert evaluation, retention) is shared by servers that write one store together.
    func holdLease(_ name: String, holder: String, nowNanos: Int64, ttlNanos: Int64) async throws -> Bool
}

extension TelemetryStore {
    /// Stores that aggregate as they write have nothing to flush.
    public func flushAggregates() async throws {}

    public func maintain() async throws {
        try await flushAggregates()
    }

    /// Stores that manage their own space have nothing to give back.
    public func reclaimSpace(maxBytes: Int64) async throws -> Int64 { 0 }

    /// Stores keep text as it is unless they say otherwise.
    public var packsContent: Bool { false }

    /// Stores that any number of processes may write have nothing to claim.
    public func claimIngest() async throws {}

    /// Stores that one process writes (``claimIngest()``) grant it every lease.
    public func holdLease(_ name: String, holder: String, nowNanos: Int64, ttlNanos: Int64) async throws -> Bool { true }

    /// Stores that aggregate as they write have nothing pending, and may not know their size.
    public func health() async -> StoreHealth { StoreHealth() }

    /// Stores spans, aggregating them on the calling thread.
    public func write(_ spans: [SpanRecord]) async throws -> WriteOutcome {
        try await write(SpanBatch(spans))
    }

    /// Writes a batch, then flushes aggregates, so that every read which follows sees it: for an
    /// import, a script or a test that reads at once. Under sustained ingest prefer ``write(_:)``
    /// and a periodic ``flushAggregates()``, which folds many writes' aggregates at once.
    @discardableResult
    public func writeAndFlush(_ batch: SpanBatch) async throws -> WriteOutcome {
        let outcome = try await write(batch)
        try await flushAggregates()
        return outcome
    }

    /// ``writeAndFlush(_:)`` for spans alone.
    @discardableResult
    public func writeAndFlush(_ spans: [SpanRecord]) async throws -> WriteOutcome {
        try await writeAndFlush(SpanBatch(spans))
    }
}
