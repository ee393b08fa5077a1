import LoupeStore

/// Repairing span inserts that failed part-way (``InterruptedWrite``).
extension ClickHouseTelemetryStore {
    /// Keeps this server's notes of interrupted inserts in ClickHouse, and now and then repairs the
    /// settled ones of every server.
    public func maintain() async throws {
        let waiting = interruptedWrites.waiting
        if !waiting.isEmpty {
            var rows = JSONEachRowWriter()
            for write in waiting { write.encode(into: &rows) }
            try await client.insert(into: "interrupted_writes", rows: rows.buffer)
            interruptedWrites.kept(Set(waiting.map(\.id)))
        }
        let now = now()
        if interruptedWrites.isCheckDue(nowNanos: now) { _ = try await repairInterruptedWrites(nowNanos: now) }
    }

    /// Rebuilds, from the spans stored, the rollups of the minutes and the trace parts of the traces
    /// of inserts that failed at least the settle time (`repair_after`) before `nowNanos`, then drops
    /// their notes; returns how many were repaired. One server at a time does it, under the
    /// `repair` lease: two rebuilding the same minutes at once would count them twice.
    @discardableResult
    func repairInterruptedWrites(nowNanos: Int64) async throws -> Int {
        let settled = nowNanos &- interruptedWrites.settleNanos
        let writes = try await client.select("SELECT \(InterruptedWrite.columns) FROM interrupted_writes WHERE failed_ns <= \(settled)")
            .map(InterruptedWrite.init(row:))
        guard !writes.isEmpty else { return 0 }
        guard try await holdLease("repair", holder: holder, nowNanos: nowNanos, ttlNanos: 6 * interruptedWrites.checkNanos) else { return 0 }
        var traces = Set(writes.compactMap(\.traceIds).joined())
        for write in writes where write.traceIds == nil {
            let condition = "user_minute >= \(write.fromMinute) AND user_minute < \(write.toMinute)"
            traces.formUnion(try await client.select("SELECT DISTINCT trace_id FROM spans WHERE \(condition)").compactMap { $0.string("trace_id") })
        }
        for range in InterruptedWrite.minuteRanges(writes) {
            try await rebuildRollups(fromMinute: range.lowerBound, toMinute: range.upperBound)
        }
        let ordered = traces.sorted()
        for start in stride(from: 0, to: ordered.count, by: 10_000) {
            try await rebuildTraceParts(Set(ordered[start..<min(start + 10_000, ordered.count)]))
        }
        try await mutate(table: "interrupted_writes", "DELETE WHERE id IN \(ClickHouseSQL.strings(writes.map(\.id)))")
        return writes.count
    }
}
