import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeDashboard

/// Pages rendered from an in-memory store: the numbers they show are the analytics' numbers, and
/// span names and attributes (attacker input) come out escaped.
struct DashboardPagesTests {
    static let minute: Int64 = 60_000_000_000
    static let now: Int64 = 29_000_030 * minute
    static let hostile = "<script>alert('x')</script>"

    static func store(extraSpans: [SpanRecord] = []) async throws -> InMemoryTelemetryStore {
        let store = InMemoryTelemetryStore()
        var spans: [SpanRecord] = []
        for i in 0..<12 {
            let start = now - Int64(20 - i) * minute
            let trace = String(format: "%032x", i + 1)
            let failed = i % 4 == 0
            spans.append(SpanRecord(
                traceId: trace, spanId: String(format: "%016x", 1), project: "acme", service: "rag", name: Self.hostile,
                operation: .chain, startNanos: start, endNanos: start + 900_000_000, status: failed ? .error : .ok,
                errorMessage: failed ? "boom \(Self.hostile)" : nil, userId: "u\(i % 3)",
                attributes: ["input.value": .string(Self.hostile), "x": .string("\"><img src=x onerror=alert(1)>")]
            ))
            spans.append(SpanRecord(
                traceId: trace, spanId: String(format: "%016x", 2), parentSpanId: String(format: "%016x", 1), project: "acme",
                service: "rag", name: "chat", operation: .llm, startNanos: start + 100_000_000, endNanos: start + 800_000_000,
                status: failed ? .error : .ok, errorType: failed ? "RateLimitError" : nil, errorMessage: failed ? "slow down" : nil,
                errorCategory: failed ? "rate_limit" : nil, errorFingerprint: failed ? "00000000000000aa" : nil,
                provider: "openai", requestModel: Self.hostile, usage: TokenUsage(input: 100, output: 20), countsUsage: true,
                costUSD: 0.002
            ))
        }
        _ = try await store.write(spans + extraSpans)
        return store
    }

    static func dashboard(_ store: InMemoryTelemetryStore) -> Dashboard {
        Dashboard(analytics: TelemetryAnalytics(store: store), businessDimensions: ["business_unit"], otlpEndpoint: "http://127.0.0.1:4318/v1/traces")
    }

    /// No tag of the hostile input survives; its text shows escaped.
    static func expectEscaped(_ html: String) {
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;script&gt;") || html.contains("&lt;img"))
    }

    /// A service that sent metrics and no spans: its calls head the page, and its failures are said
    /// with their categories, since no failed span explains them.
    @Test func anOverviewOfMetricsAloneCountsCallsAndSaysWhyFailuresHaveNoModes() async throws {
        let store = InMemoryTelemetryStore()
        let call = SpanRecord(
            traceId: String(repeating: "0", count: 32), spanId: String(repeating: "0", count: 16), project: "acme", service: "bot", name: "chat",
            operation: .llm, role: [.call], startNanos: Self.now - 5 * Self.minute, endNanos: Self.now - 5 * Self.minute, status: .error,
            errorCategory: "rate_limit", provider: "openai", requestModel: "gpt-4o-mini"
        )
        var measures = RollupMeasures()
        measures.count = 40
        measures.errors = 3
        measures.latency.add(bucket: LatencyHistogram.bucketIndex(ofMs: 700), count: 40)
        var rollups = RollupAggregator()
        rollups.add(measures, like: call)
        _ = try await store.write(SpanBatch(measuredRollups: rollups))
        let html = try await Self.dashboard(store).overview(["range": "1h"], nowNanos: Self.now)
        #expect(html.contains("data-value=\"40\""))
        #expect(html.contains("Calls and errors per minute"))
        #expect(html.contains("3 failed calls were reported by metrics, which carry no messages to group: rate_limit 3."))
        let errors = try await Self.dashboard(store).errors(["range": "1h"], nowNanos: Self.now)
        #expect(errors.contains("No failed span in this range."))
        #expect(errors.contains("3 failed calls were reported by metrics"))
    }

    @Test func overviewShowsTheSummaryNumbers() async throws {
        let store = try await Self.store()
        let html = try await Self.dashboard(store).overview(["range": "1h"], nowNanos: Self.now)
        let summary = try await TelemetryAnalytics(store: store).summary(
            SummaryQuery(range: .last(seconds: 3_600, now: Self.now))
        )
        #expect(html.contains("id=\"card-count\""))
        #expect(html.contains("data-value=\"\(summary.totals.measures.requests.count)\""))
        #expect(html.contains("data-value=\"\(summary.totals.measures.requests.errorRate!)\""))
        #expect(html.contains("<svg class=\"timechart\""))
        #expect(html.contains("rate_limit"))
        Self.expectEscaped(html)
    }

    @Test func anEmptyStoreSaysWhereToSendTraces() async throws {
        let html = try await Self.dashboard(InMemoryTelemetryStore()).overview([:], nowNanos: Self.now)
        #expect(html.contains("No traces in this range yet"))
        #expect(html.contains("http://127.0.0.1:4318/v1/traces"))
        #expect(!html.contains("gRPC"), "a server without a gRPC receiver does not name one")
        let grpc = Dashboard(
            analytics: TelemetryAnalytics(store: InMemoryTelemetryStore()), businessDimensions: [],
            otlpEndpoint: "http://127.0.0.1:4318/v1/traces", otlpGRPC: "127.0.0.1:4317"
        )
        #expect(try await grpc.overview([:], nowNanos: Self.now).contains("OTLP/gRPC at <code>127.0.0.1:4317</code>"))
    }

    @Test func traceListAndTracePageEscapeWhatSpansCarry() async throws {
        let dashboard = Self.dashboard(try await Self.store())
        let list = try await dashboard.traces(["range": "1h", "status": "error"], nowNanos: Self.now)
        #expect(list.components(separatedBy: "<tr class=\"err\">").count - 1 == 3)
        Self.expectEscaped(list)
        let trace = try await dashboard.trace(id: String(format: "%032x", 1), ["range": "1h"], nowNanos: Self.now)
        #expect(trace.contains("id=\"waterfall\""))
        // The failed call is the root cause, so it is the span shown first.
        #expect(trace.contains("<span class=\"badge error\">rate_limit</span>"))
        Self.expectEscaped(trace)
    }

    @Test func aTraceOfFiveThousandSpansIsPaged() async throws {
        let trace = String(format: "%032x", 999)
        let start = Self.now - 5 * Self.minute
        var spans: [SpanRecord] = []
        for i in 0..<5_000 {
            let spanStart = start + Int64(i) * 1_000_000
            let parent: String? = i == 0 ? nil : String(format: "%016x", (i + 1) / 2)
            let operation: OperationKind = i % 3 == 0 ? .retrieval : .stage
            spans.append(SpanRecord(
                traceId: trace, spanId: String(format: "%016x", i + 1), parentSpanId: parent, name: "step \(i)",
                operation: operation, startNanos: spanStart, endNanos: spanStart + 5_000_000
            ))
        }
        let dashboard = Self.dashboard(try await Self.store(extraSpans: spans))
        let html = try await dashboard.trace(id: trace, [:], nowNanos: Self.now)
        #expect(html.components(separatedBy: "<tr id=\"span-").count - 1 == TracePage.rowsPerPage)
        #expect(html.contains("spans 1–400 of 5000"))
        #expect(html.utf8.count < 250_000)
        let last = try await dashboard.trace(id: trace, ["offset": "4800"], nowNanos: Self.now)
        #expect(last.contains("spans 4801–5000 of 5000"))
    }

    @Test func errorsPageFocusesOnOneFailureMode() async throws {
        let dashboard = Self.dashboard(try await Self.store())
        let all = try await dashboard.errors(["range": "1h"], nowNanos: Self.now)
        #expect(all.contains("id=\"mode-00000000000000aa\""))
        let one = try await dashboard.errors(["range": "1h", "fingerprint": "00000000000000aa"], nowNanos: Self.now)
        #expect(one.contains("All failure modes"))
        await #expect(throws: DashboardError.self) {
            try await dashboard.errors(["range": "1h", "fingerprint": "ffffffffffffffff"], nowNanos: Self.now)
        }
    }

    @Test func unknownTracesAndBadIdsAreErrorsThatSayWhy() async throws {
        let dashboard = Self.dashboard(try await Self.store())
        await #expect(throws: DashboardError.notFound("No trace \(String(repeating: "f", count: 32)) is stored. It may be outside the retention period, or its spans have not arrived yet.")) {
            try await dashboard.trace(id: String(repeating: "f", count: 32), [:], nowNanos: Self.now)
        }
        await #expect(throws: DashboardError.self) { try await dashboard.trace(id: "../etc", [:], nowNanos: Self.now) }
    }
}
