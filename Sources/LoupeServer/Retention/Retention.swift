import LoupeCore
import LoupeStore
import Synchronization

/// The retention policy in force (changed through the API while the server runs) and what it has
/// deleted, and the pass that applies it: the oldest traces first, in small batches, then old
/// rollup periods, then the oldest data left (traces, or rollup periods older than every trace)
/// while the data is over its size ceiling, then freed space given back to the file system.
public final class Retention: Sendable {
    /// What retention has done since the server started.
    public struct Tally: Sendable, Hashable, Codable {
        public var deleted = DeletedCounts()
        public var reclaimedBytes: Int64 = 0
        public var passes = 0
        /// When the last pass ended (unix nanoseconds); nil before the first.
        public var lastPassNanos: Int64?

        enum CodingKeys: String, CodingKey {
            case deleted, passes
            case reclaimedBytes = "reclaimed_bytes"
            case lastPassNanos = "last_pass_ns"
        }
    }

    let store: any TelemetryStore
    /// Traces per batch: each takes its spans, scores and retrieval steps, and the entries of a
    /// dozen indexes; a hundred hold the writer for about 60 ms (`loupe bench retention`), so ingest
    /// never waits long.
    let batchTraces: Int
    /// Batches per pass at most, so a first pass over years of history leaves the writer to ingest
    /// between passes.
    let maxBatches: Int
    private let state: Mutex<(policy: RetentionPolicy, tally: Tally)>
    /// Space given back per step: 16 MiB of free pages moved to the file's end and cut off.
    static let reclaimSliceBytes: Int64 = 16 << 20

    public init(policy: RetentionPolicy, store: any TelemetryStore, batchTraces: Int = 100, maxBatches: Int = 2_000) {
        self.store = store
        self.batchTraces = batchTraces
        self.maxBatches = maxBatches
        state = Mutex((policy, Tally()))
    }

    public var policy: RetentionPolicy { state.withLock { $0.policy } }
    public var tally: Tally { state.withLock { $0.tally } }

    /// Replaces the policy; the next pass applies it.
    public func replace(_ policy: RetentionPolicy) {
        state.withLock { $0.policy = policy }
    }

    /// What one pass did.
    public struct PassReport: Sendable {
        public var deleted = DeletedCounts()
        /// How long each batch held the store's writer, in seconds: how long ingest could wait.
        public var batchSeconds: [Double] = []
        public var reclaimedBytes: Int64 = 0
        /// Whether the data is still over the size ceiling after the pass, with nothing older than
        /// this minute left to delete: keys, the audit trail and the tables' own room.
        public var overCeiling = false

        public var batches: Int { batchSeconds.count }
        public var longestBatchSeconds: Double { batchSeconds.max() ?? 0 }
    }

    /// One pass: what the policy says has expired, as of `nowNanos`, deleted and its space given back.
    @discardableResult
    public func pass(nowNanos: Int64) async throws -> PassReport {
        let policy = self.policy
        var report = PassReport()
        func run(_ delete: () async throws -> DeletedCounts) async throws -> Bool {
            let started = ContinuousClock.now
            let batch = try await delete()
            report.batchSeconds.append((ContinuousClock.now - started).seconds)
            report.deleted += batch
            // Between batches the writer is free for ingest's commits.
            await Task.yield()
            return batch.total > 0
        }
        for (projects, before) in policy.selections(\.spansDays, nowNanos: nowNanos) {
            while report.batches < maxBatches, try await run({
                try await store.deleteExpiredTraces(ExpiryRequest(projects: projects, beforeNanos: before, limit: batchTraces))
            }) {}
        }
        for (projects, before) in policy.selections(\.rollupsDays, nowNanos: nowNanos) {
            while report.batches < maxBatches, try await run({
                try await store.deleteExpiredRollups(ExpiryRequest(projects: projects, beforeNanos: before, limit: 60))
            }) {}
        }
        // Over the size ceiling, the oldest data of every project goes, a batch at a time, until it
        // fits: the oldest traces, or the oldest rollup periods when they are older still (rollups
        // are kept longer, and those of a busy service take as much room as its spans). Deleting
        // lowers the data's size at once, before any space is given back.
        if let ceiling = policy.maxDatabaseBytes {
            while report.batches < maxBatches, let used = await store.health().dataBytes, used > ceiling {
                let oldest = try await store.oldestData()
                let deletedSome = try await run {
                    if oldest.rollupsAreOlder(nowNanos: nowNanos) {
                        // Only periods wholly older than every trace, so a day or hour row never
                        // goes while spans it counts are kept; a dozen periods of each tier at a time.
                        let before = oldest.rollupCutoff(nowNanos: nowNanos)
                        let rollups = try await store.deleteExpiredRollups(ExpiryRequest(projects: .allBut([]), beforeNanos: before, limit: 12))
                        if rollups.total > 0 { return rollups }
                    }
                    return try await store.deleteExpiredTraces(ExpiryRequest(projects: .allBut([]), beforeNanos: nowNanos, limit: batchTraces))
                }
                guard deletedSome else { break }
            }
            let left = await store.health().dataBytes ?? 0
            report.overCeiling = report.batches < maxBatches && left > ceiling
        }
        // Freed space given back a slice at a time, each slice a short hold of the writer like a batch.
        while report.deleted.total > 0, report.batches < maxBatches {
            let started = ContinuousClock.now
            let slice = try await store.reclaimSpace(maxBytes: Self.reclaimSliceBytes)
            report.batchSeconds.append((ContinuousClock.now - started).seconds)
            report.reclaimedBytes += slice
            if slice < Self.reclaimSliceBytes { break }
            await Task.yield()
        }
        let deleted = report.deleted, reclaimed = report.reclaimedBytes
        state.withLock { state in
            state.tally.deleted += deleted
            state.tally.reclaimedBytes += reclaimed
            state.tally.passes += 1
            state.tally.lastPassNanos = nowNanos
        }
        return report
    }
}
