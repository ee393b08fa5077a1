import LoupeAnalytics
import LoupeCore
import LoupeStore
import Testing

struct TelemetryAnalyticsTests {
    let minute: Int64 = 60_000_000_000

    func store() async throws -> InMemoryTelemetryStore {
        let store = InMemoryTelemetryStore()
        let base = 29_000_000 * minute
        var spans: [SpanRecord] = []
        for i in 0..<10 {
            spans.append(SpanRecord(
                traceId: "t\(i)", spanId: "s\(i)", name: "chat", operation: .llm, startNanos: base + Int64(i % 3) * minute,
                endNanos: base + Int64(i % 3) * minute + Int64(100 + i * 10) * 1_000_000, status: i == 0 ? .error : .unset,
                errorCategory: i == 0 ? "timeout" : nil, provider: "openai", requestModel: i < 6 ? "gpt-4o" : "gpt-4o-mini",
                usage: TokenUsage(input: 100, output: 10), countsUsage: true, costUSD: 0.5, userId: "u\(i % 2)",
                dimensions: ["business_unit": i % 2 == 0 ? "sales" : "support"]
            ))
        }
        _ = try await store.write(spans)
        return store
    }

    var range: TimeRange { TimeRange(fromNanos: 29_000_000 * minute, toNanos: 29_000_000 * minute + 3 * minute) }

    @Test func summaryGroupsAndTotals() async throws {
        let analytics = TelemetryAnalytics(store: try await store())
        let report = try await analytics.summary(SummaryQuery(range: range, groupBy: [.model]))
        #expect(report.grain == .core)
        #expect(report.groups.map(\.key) == [["model": "gpt-4o"], ["model": "gpt-4o-mini"]])
        #expect(report.unit == .calls)
        #expect(report.groups[0].measures.calls.count == 6)
        #expect(report.groups[0].measures.calls.errorRate == 1.0 / 6)
        #expect(report.totals.measures.spans.inputTokens == 1_000)
        #expect(report.totals.measures.spans.knownCostUSD == 5)
        let p99 = try #require(report.totals.measures.requests.latency.quantile(0.99))
        #expect(abs(p99 - 190) / 190 < 0.011)
    }

    /// Each stored trace is one bare call, and t0's failed: one request of ten has a failed call. A
    /// view in calls (by model) reaches below a request, so it has no such figure.
    @Test func requestsWithAFailedCallAreCountedPerService() async throws {
        let analytics = TelemetryAnalytics(store: try await store())
        let byService = try await analytics.summary(SummaryQuery(range: range, groupBy: [.service]))
        #expect(byService.groups.map(\.requestsWithFailedCall) == [1])
        #expect(byService.totals.requestsWithFailedCall == 1)
        #expect(byService.totals.failedCallShare == 0.1)
        let filtered = try await analytics.summary(SummaryQuery(range: range, filters: [.service: "elsewhere"]))
        #expect(filtered.totals.requestsWithFailedCall == 0)
        let byModel = try await analytics.summary(SummaryQuery(range: range, groupBy: [.model]))
        #expect(byModel.totals.requestsWithFailedCall == nil && byModel.groups.allSatisfy { $0.requestsWithFailedCall == nil })
    }

    @Test func businessAndUserDimensionsPickTheirGrain() async throws {
        let analytics = TelemetryAnalytics(store: try await store())
        let byUnit = try await analytics.summary(SummaryQuery(range: range, groupBy: [TelemetryDimension("business_unit")], filters: [.model: "gpt-4o"]))
        #expect(byUnit.grain == .business)
        #expect(byUnit.totals.measures.calls.count == 6)
        let byUser = try await analytics.summary(SummaryQuery(range: range, groupBy: [.user]))
        #expect(byUser.grain == .user)
        #expect(byUser.unit == .requests)
        #expect(byUser.groups.map(\.measures.requests.count) == [5, 5])
        await #expect(throws: AnalyticsError.self) {
            try await analytics.summary(SummaryQuery(range: range, groupBy: [.user, TelemetryDimension("business_unit")]))
        }
    }

    @Test func timeseriesHasEveryStep() async throws {
        let analytics = TelemetryAnalytics(store: try await store())
        let report = try await analytics.timeseries(TimeseriesQuery(range: range, stepSeconds: 60, metric: .count))
        #expect(report.series.count == 1)
        #expect(report.series[0].points.map(\.value) == [4, 3, 3])
        let empty = try await analytics.timeseries(TimeseriesQuery(
            range: TimeRange(fromNanos: 0, toNanos: 3 * minute), stepSeconds: 60, metric: .latencyP95
        ))
        #expect(empty.series[0].points.map(\.value) == [nil, nil, nil])
    }

    @Test func aTimeseriesOfManySeriesIsRefusedBeforeItIsAllocated() async throws {
        let store = InMemoryTelemetryStore()
        let base = 29_000_000 * minute
        // 60 models over six days at one-minute steps: 60 series of 8,640 points is past the bound.
        _ = try await store.write((0..<60).map { i in
            SpanRecord(
                traceId: "t\(i)", spanId: "s\(i)", name: "chat", operation: .llm, startNanos: base, endNanos: base + 1_000_000,
                requestModel: "model-\(i)", countsUsage: true)
        })
        let week = TimeRange(fromNanos: base, toNanos: base + 6 * 1_440 * minute)
        await #expect(throws: AnalyticsError.tooManySeries(57, points: 8_640, limit: TelemetryAnalytics.maxSeriesPoints)) {
            try await TelemetryAnalytics(store: store).timeseries(TimeseriesQuery(range: week, stepSeconds: 60, metric: .count, groupBy: [.model]))
        }
        // An hour of the same is fine.
        let hour = TimeRange(fromNanos: base, toNanos: base + 60 * minute)
        let report = try await TelemetryAnalytics(store: store).timeseries(TimeseriesQuery(range: hour, stepSeconds: 60, metric: .count, groupBy: [.model]))
        #expect(report.series.count == 60)
    }
}

/// A failure that propagates to the root is one failure, under its root cause's category.
struct ErrorRootCauseTests {
    @Test func aToolFailureReRaisedByTheAgentAndRootCountsOnceAsATool() async throws {
        let store = InMemoryTelemetryStore()
        func failed(_ id: String, parent: String?, _ operation: OperationKind, category: String) -> SpanRecord {
            SpanRecord(
                traceId: "t1", spanId: id, parentSpanId: parent, name: id, operation: operation, startNanos: 10, endNanos: 20,
                status: .error, errorMessage: "Traceback … fut.result(timeout) … ValueError: lookup failed",
                errorCategory: category, errorFingerprint: "f-\(category)"
            )
        }
        _ = try await store.write([
            failed("root", parent: nil, .chain, category: "timeout"),
            failed("agent", parent: "root", .agent, category: "provider_error"),
            failed("tool", parent: "agent", .tool, category: "tool_failure"),
        ])
        let report = try await TelemetryAnalytics(store: store).errors(ErrorsQuery(range: TimeRange(fromNanos: 0, toNanos: 100)))
        #expect(report.totalErrors == 3)
        #expect(report.rootCauses == 1)
        #expect(report.groups.map(\.category) == [.toolFailure])
        #expect(report.groups.first?.count == 1)
    }
}
