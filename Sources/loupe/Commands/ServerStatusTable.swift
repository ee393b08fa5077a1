import Foundation
import LoupeServer
import LoupeStore

/// `loupe status --server`: the running server's own counters, as a two-column table.
struct ServerStatusTable {
    let status: ServerStatus

    func render() -> String {
        let i = status.ingest
        let q = status.queue
        let s = status.store
        let meanCommit = i.commits + i.commitFailures > 0 ? i.commitSecondsTotal / Double(i.commits + i.commitFailures) : nil
        var rows: [[String]] = [
            ["server", "value"],
            ["uptime", Self.duration(status.uptimeSeconds)],
            ["requests accepted (200)", "\(i.requestsAccepted)"],
            ["spans accepted", "\(i.spansAccepted)"],
            ["spans rejected (partial_success)", "\(i.spansRejected)"],
            ["metric data points stored / rejected", "\(i.dataPointsStored) / \(i.dataPointsRejected)"],
            ["log records kept / rejected", "\(i.logRecordsAccepted) / \(i.logRecordsRejected)"],
            ["requests throttled (429)", "\(i.requestsThrottled)"],
            ["requests unavailable (503)", "\(i.requestsUnavailable)"],
            ["requests invalid (other 4xx)", "\(i.requestsInvalid)"],
            ["commits", "\(i.commits)"],
            ["commit failures", "\(i.commitFailures)"],
            ["commit ms, mean / max", "\(Self.ms(meanCommit)) / \(Self.ms(i.maxCommitSeconds))"],
            ["drain rate, spans/s", i.drainSpansPerSecond.map { String(format: "%.0f", $0) } ?? "-"],
            ["queue, spans", "\(q.spans) of \(q.capacitySpans)"],
            ["memory in flight", "\(Self.mib(Int64(q.bytesInFlight))) of \(Self.mib(Int64(q.maxInFlightBytes)))"],
            ["aggregates pending, rows", "\(s.pendingAggregateRows)"],
            ["aggregates lag", String(format: "%.1f s", s.aggregateLagSeconds)],
            ["database size", s.storedBytes.map(Self.mib) ?? "-"],
            ["data, free space not counted", s.dataBytes.map(Self.mib) ?? "-"],
        ]
        if let r = status.retention {
            let d = r.deleted
            rows += [
                ["retention passes", "\(r.passes)"],
                ["retention deleted", "\(d.traces) traces, \(d.spans) spans, \(d.scores) scores, \(d.rollupRows) rollup rows"],
                ["retention gave back", Self.mib(r.reclaimedBytes)],
            ]
        }
        return TextTable.render(rows)
    }

    static func ms(_ seconds: Double?) -> String { seconds.map { String(format: "%.1f", $0 * 1000) } ?? "-" }

    static func mib(_ bytes: Int64) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds)
        return s >= 3600 ? "\(s / 3600) h \(s % 3600 / 60) min" : s >= 60 ? "\(s / 60) min \(s % 60) s" : "\(s) s"
    }
}
