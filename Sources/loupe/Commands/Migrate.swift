import ArgumentParser
import Foundation
import LoupeCore
import LoupeStore
import LoupeStoreClickHouse
import LoupeStoreSQLite

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move an installation from SQLite to ClickHouse: spans, scores, log records, retrieval steps, rollups, alert history, keys and the audit trail.",
        discussion: """
            Stop the server writing the SQLite file first (migrate refuses a file a server ingests into), and start the servers on \
            ClickHouse after it has finished. An interrupted run resumes where it stopped when run again with the same arguments; \
            a run over a finished migration only checks that. Rollups come from the SQLite file as they are (they also cover spans \
            retention has deleted, and metrics), replacing those the copied spans produced.
            """
    )

    @Option(help: ArgumentHelp("The installation to move: sqlite:PATH (or just PATH).", valueName: "sqlite:path"))
    var from: String

    @Option(help: ArgumentHelp("Where to: clickhouse://host:8123/database; credentials as for `loupe serve --store`.", valueName: "address"))
    var to: String

    @Option(help: "Spans per batch.")
    var batch = 5_000

    func validate() throws {
        guard batch > 0 else { throw ValidationError("--batch must be positive") }
        guard to.hasPrefix("clickhouse://") || to.hasPrefix("clickhouses://") else {
            throw ValidationError("--to must be a ClickHouse address such as clickhouse://127.0.0.1:8123/loupe")
        }
    }

    var sourcePath: String { from.hasPrefix("sqlite:") ? String(from.dropFirst("sqlite:".count)) : from }

    func run() async throws {
        let path = sourcePath
        let source = try StoreOpener.sqlite(path)
        do {
            try await source.claimIngest()
        } catch {
            throw CommandFailure("a server is ingesting into \(path): stop it first, so that nothing arrives while the data moves")
        }
        let endpoint = try ClickHouseEndpoint(address: to)
        let target = try await ClickHouseTelemetryStore.open(endpoint)
        // The source's identity, so that progress recorded for one file is never taken for another's.
        let name = URL(fileURLWithPath: path).standardizedFileURL.path
        print("Moving \(path) to ClickHouse \(endpoint)…")
        let started = ContinuousClock.now

        if try await target.migrationProgress(source: name, step: "access") == nil {
            let keys = try await target.importAccessKeys(source.accessKeys())
            let audit = try await target.importAudit(source.auditEntries(AuditQuery(limit: .max)))
            try await target.recordMigrationProgress(source: name, step: "access", position: 1)
            print("  keys: \(keys) copied; audit trail: \(audit) entries copied")
        }
        try await copySpans(from: source, to: target, name: name)
        if try await target.migrationProgress(source: name, step: "scores") == nil {
            let scores = try await source.scores(ScoreQuery(fromNanos: .min, toNanos: .max, limit: .max))
            for chunk in stride(from: 0, to: scores.count, by: 10_000) {
                _ = try await target.writeScores(Array(scores[chunk..<min(chunk + 10_000, scores.count)]))
            }
            try await target.recordMigrationProgress(source: name, step: "scores", position: 1)
            print("  scores: \(scores.count) copied")
        }
        if try await target.migrationProgress(source: name, step: "alert events") == nil {
            let events = try await source.alertEvents(AlertEventQuery(fromNanos: .min, toNanos: .max, limit: .max))
            // Appended oldest first, as they happened.
            if !events.isEmpty { try await target.appendAlertEvents(events.reversed()) }
            try await target.recordMigrationProgress(source: name, step: "alert events", position: 1)
            print("  alert history: \(events.count) events copied")
        }
        if try await target.migrationProgress(source: name, step: "rollups") == nil {
            let rows = try await copyRollups(from: source, to: target)
            try await target.recordMigrationProgress(source: name, step: "rollups", position: 1)
            print("  rollups: \(rows) rows copied")
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        print("Done in \(String(format: "%.1f", seconds)) s. Start the servers with --store \(to).")
    }

    /// Spans in the order they were stored, with their log records; resumes after the last batch recorded.
    private func copySpans(from source: SQLiteTelemetryStore, to target: ClickHouseTelemetryStore, name: String) async throws {
        let total = try await source.spanCount()
        var position = try await target.migrationProgress(source: name, step: "spans") ?? 0
        if position > 0 { print("  spans: resuming after span \(position) of the file") }
        var copied = 0, duplicates = 0
        let started = ContinuousClock.now
        var lastReport = started
        while true {
            let page = try await source.spans(afterSequence: position, limit: batch)
            guard let last = page.lastSequence else { break }
            // A batch written again after an interruption is recognised span by span and stored once.
            let outcome = try await target.write(SpanBatch(page.spans))
            let logs = try await source.logs(traceIds: Array(Set(page.spans.map(\.traceId))))
            if !logs.isEmpty { _ = try await target.write(SpanBatch(logs: logs)) }
            position = last
            try await target.recordMigrationProgress(source: name, step: "spans", position: position)
            copied += outcome.inserted
            duplicates += outcome.duplicates
            if ContinuousClock.now - lastReport > .seconds(2) {
                lastReport = .now
                let seconds = (ContinuousClock.now - started) / .seconds(1)
                print("  spans: \(copied) copied (\(String(format: "%.0f", Double(copied) / max(seconds, 0.001))) spans/s), up to \(position) of about \(total)")
            }
        }
        print("  spans: \(copied) copied\(duplicates > 0 ? ", \(duplicates) already there" : "")\(copied == 0 && position > 0 ? " (all were moved before)" : "")")
    }

    /// Every rollup row of every grain, a day at a time, in place of those the copied spans produced.
    private func copyRollups(from source: SQLiteTelemetryStore, to target: ClickHouseTelemetryStore) async throws -> Int {
        try await target.clearRollupsForImport()
        guard let oldest = try await source.oldestData().rollupStartNanos else { return 0 }
        let first = UnixMinute.containing(nanos: oldest)
        let last = UnixMinute.containing(nanos: Int64(Date().timeIntervalSince1970 * 1e9)) + 24 * 60
        var rows = 0
        for day in stride(from: first, to: last, by: 24 * 60) {
            for grain in RollupGrain.allCases {
                let copied = try await source.rollups(RollupQuery(grain: grain, fromMinute: day, toMinute: day + 24 * 60))
                try await target.importRollups(copied)
                rows += copied.count
            }
        }
        return rows
    }
}
