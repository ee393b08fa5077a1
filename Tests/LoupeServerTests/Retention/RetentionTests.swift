import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeServer
import LoupeStore
import LoupeStoreSQLite
import Testing

/// A retention pass applies each project's periods, in batches, and counts what it deleted.
struct RetentionTests {
    static let day: Int64 = 86_400_000_000_000
    static let now: Int64 = 1_795_780_800_000_000_000

    /// One single-span trace per (project, age in days).
    static func store(_ traces: [(String, Int64)]) async throws -> InMemoryTelemetryStore {
        let store = InMemoryTelemetryStore()
        let spans = traces.enumerated().map { index, trace in
            SpanRecord(
                traceId: String(format: "%032x", index + 1), spanId: "0000000000000001", parentSpanId: nil, project: trace.0,
                service: "rag", name: "answer", operation: .llm, spanKind: .client, startNanos: now - trace.1 * day,
                endNanos: now - trace.1 * day + 1_000_000, status: .unset, requestModel: "gpt-4o", countsUsage: true, userId: "u"
            )
        }
        _ = try await store.writeAndFlush(SpanBatch(spans))
        return store
    }

    @Test func eachProjectKeepsItsOwnPeriodAndTheRestTheDefault() async throws {
        let store = try await Self.store([("acme", 2), ("acme", 10), ("beta", 10), ("beta", 40), ("gamma", 40)])
        let policy = RetentionPolicy(
            defaults: .init(spansDays: 30, rollupsDays: 365), projects: ["acme": .init(spansDays: 7)]
        )
        let retention = Retention(policy: policy, store: store, batchTraces: 1)
        let report = try await retention.pass(nowNanos: Self.now)
        #expect(report.deleted.traces == 3 && report.batches >= 3)
        let left = try await store.traces(TraceQuery(fromNanos: 0, toNanos: .max, limit: 10)).map { "\($0.project) \((Self.now - $0.startNanos) / Self.day)" }
        #expect(left.sorted() == ["acme 2", "beta 10"])
        #expect(retention.tally.deleted.traces == 3 && retention.tally.passes == 1 && retention.tally.lastPassNanos == Self.now)
        #expect(try await retention.pass(nowNanos: Self.now).deleted.total == 0)
    }

    /// Over the size ceiling, the oldest data goes, whatever its project and however young, until it
    /// fits: rollups older than every trace first, then the oldest traces. The space is given back.
    @Test func aSizeCeilingTakesTheOldestTracesOfEveryProjectUntilTheDataFits() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-ceiling-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteTelemetryStore(path: folder.appendingPathComponent("test.db").path)
        // 600 traces of about 7 KiB each as stored, one every ten minutes over the last 100 hours, in
        // two projects. The content is noise, which deflate cannot shrink much (prose it would).
        var noise = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        let spans = (0..<600).map { index in
            let payload = AttributeValue.string(String((0..<11_000).map { _ in letters[Int(noise.next() % 36)] }))
            let start = Self.now - Int64(600 - index) * 600_000_000_000
            return SpanRecord(
                traceId: String(format: "%032x", index + 1), spanId: "0000000000000001", parentSpanId: nil, project: index % 2 == 0 ? "acme" : "beta",
                service: "rag", name: "answer", operation: .llm, spanKind: .client, startNanos: start, endNanos: start + 1_000_000,
                status: .unset, requestModel: "gpt-4o", countsUsage: true, userId: "u", attributes: ["context": payload]
            )
        }
        _ = try await store.writeAndFlush(SpanBatch(spans))
        // Twenty days ago, traces whose rollups outlive them.
        let old = (0..<50).map { index in
            var span = spans[index]
            span.traceId = String(format: "f%031x", index + 1)
            span.startNanos = Self.now - 20 * Self.day + Int64(index) * 60_000_000_000
            span.endNanos = span.startNanos + 1_000_000
            return span
        }
        _ = try await store.writeAndFlush(SpanBatch(old))
        try await store.flushAggregates()
        #expect(try await store.deleteExpiredTraces(ExpiryRequest(projects: .allBut([]), beforeNanos: Self.now - 10 * Self.day)).traces == 50)
        let oldMinutes = (Self.now - 21 * Self.day) / 60_000_000_000
        let oldRollups = { try await store.rollups(RollupQuery(grain: .core, fromMinute: oldMinutes, toMinute: oldMinutes + 2 * 1_440)) }
        #expect(try await !oldRollups().isEmpty)
        let full = try #require(await store.health().dataBytes)
        let ceiling: Int64 = 2 << 20
        #expect(full > 2 * ceiling)
        let policy = RetentionPolicy(maxDatabaseMiB: 2)
        #expect(policy.isEnabled && policy.problem == nil)
        let retention = Retention(policy: policy, store: store, batchTraces: 20)
        // The spans counted from each day's start until now, as a summary reads them (whole days
        // and hours from the coarser tiers): what the kept range must still say after the pass.
        let analytics = TelemetryAnalytics(store: store)
        func spansSince(_ from: Int64) async throws -> Int64 {
            try await analytics.summary(SummaryQuery(range: TimeRange(fromNanos: from, toNanos: Self.now + 60_000_000_000))).totals.measures.spans.count
        }
        var counted: [Int64: Int64] = [:]
        for start in stride(from: (Self.now - 6 * Self.day) / Self.day * Self.day, through: Self.now, by: Int(Self.day)) {
            counted[start] = try await spansSince(start)
        }
        let report = try await retention.pass(nowNanos: Self.now)
        let left = try #require(await store.health().dataBytes)
        #expect(left <= ceiling && !report.overCeiling)
        #expect(report.deleted.traces > 300 && report.deleted.traces < 600 && report.reclaimedBytes > 0)
        #expect(try await oldRollups().isEmpty && report.deleted.rollupRows > 0)
        // What is left is the newest, in both projects.
        let kept = try await store.traces(TraceQuery(fromNanos: 0, toNanos: .max, limit: 1_000))
        let oldestKept = try #require(kept.map(\.startNanos).min())
        #expect(kept.count == 600 - report.deleted.traces)
        #expect(kept.count == spans.filter { $0.startNanos >= oldestKept }.count)
        #expect(Set(kept.map(\.project)) == ["acme", "beta"])
        // No day or hour that counts a kept trace went: the kept range adds up as before.
        let keptFrom = oldestKept / Self.day * Self.day
        #expect(try await spansSince(keptFrom) == counted[keptFrom])
    }

    @Test func aPolicyWithoutPeriodsKeepsEverythingAndBadOnesAreNamed() async throws {
        let store = try await Self.store([("acme", 4_000)])
        #expect(!RetentionPolicy().isEnabled)
        #expect(try await Retention(policy: RetentionPolicy(), store: store).pass(nowNanos: Self.now).deleted.total == 0)
        #expect(RetentionPolicy(defaults: .init(spansDays: 0)).problem == "defaults: spans_days must be from 1 to 36500 days, not 0")
        #expect(RetentionPolicy(projects: ["acme": .init(rollupsDays: -1)]).problem == "project acme: rollups_days must be from 1 to 36500 days, not -1")
        let decoded = try JSONDecoder().decode(RetentionPolicy.self, from: Data(#"{"spans_days": 30, "projects": {"acme": {"spans_days": 7}}}"#.utf8))
        #expect(decoded == RetentionPolicy(defaults: .init(spansDays: 30), projects: ["acme": .init(spansDays: 7)]))
        let ceiling = try JSONDecoder().decode(RetentionPolicy.self, from: Data(#"{"max_database_mib": 512}"#.utf8))
        #expect(ceiling == RetentionPolicy(maxDatabaseMiB: 512) && ceiling.isEnabled)
        #expect(String(decoding: try JSONEncoder().encode(ceiling), as: UTF8.self).contains(#""max_database_mib":512"#))
        #expect(RetentionPolicy(maxDatabaseMiB: 0).problem == "max_database_mib must be from 1 to 1073741824 MiB, not 0")
    }
}
