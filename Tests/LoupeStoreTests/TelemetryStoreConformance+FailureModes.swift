import Foundation
import LoupeCore
import LoupeStore
import Testing

extension TelemetryStoreConformance {
    /// Two traces: in the first a tool fails and its agent step fails with it (one failure, at the
    /// tool); in the second two model calls fail on their own, one of them for another user.
    static func failureTraces() -> [SpanRecord] {
        let first = "11111111111111111111111111111111"
        let second = "22222222222222222222222222222222"
        var tool = span(trace: first, id: "00000000000000a2", parent: "00000000000000a1", minute: 1, model: nil, operation: .tool, error: true)
        tool.errorCategory = "tool"
        tool.errorFingerprint = "00000000000000bb"
        tool.errorMessage = "tool crashed"
        let agent = span(trace: first, id: "00000000000000a1", minute: 1, operation: .agent, error: true)
        var late = span(trace: second, id: "00000000000000b2", minute: 3, error: true, user: "u2")
        late.errorMessage = "slow down, newest"
        return [
            agent, tool, span(trace: second, id: "00000000000000b1", minute: 2, error: true), late,
            span(trace: second, id: "00000000000000b3", minute: 2),
        ]
    }

    @Test(arguments: Kind.allCases)
    func failureModesCountRootCausesOnly(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        _ = try await store.writeAndFlush(Self.failureTraces())
        let query = FailureModeQuery(fromNanos: Self.base, toNanos: Self.base + 4 * Self.minute, examplesPerFingerprint: 5, trendBuckets: 4)
        let modes = try await store.failureModes(query)
        #expect(modes.failedSpans == 4)
        #expect(modes.rows.reduce(0) { $0 + $1.count } == 3)
        let byFingerprint = Dictionary(grouping: modes.rows, by: { $0.fingerprint ?? "" })
        #expect(byFingerprint["00000000000000bb"]?.map(\.operation) == ["tool"])
        let rateLimits = byFingerprint["00000000000000aa"] ?? []
        #expect(rateLimits.reduce(0) { $0 + $1.count } == 2)
        #expect(Set(rateLimits.compactMap(\.user)) == ["u1", "u2"])
        #expect(rateLimits.allSatisfy { $0.model == "gpt-4o" && $0.category == "rate_limit" })
        #expect(rateLimits.map(\.firstSeenNanos).min() == Self.base + 2 * Self.minute)
        #expect(rateLimits.map(\.lastSeenNanos).max() == Self.base + 3 * Self.minute)
        // The newest failure is the sample; its trace is listed once however often it failed.
        #expect(modes.samples["00000000000000aa"] == FailureModes.Sample(errorType: "RateLimitError", message: "slow down, newest", traceIds: ["22222222222222222222222222222222"]))
        #expect(modes.samples["00000000000000bb"]?.message == "tool crashed")
        #expect(modes.trends["00000000000000aa"] == [0, 0, 1, 1])
        #expect(modes.trends["00000000000000bb"] == [0, 1, 0, 0])

        var ranking = query
        ranking.byPlace = false
        let ranked = try await store.failureModes(ranking)
        #expect(Set(ranked.rows.map { "\($0.fingerprint ?? "")=\($0.count)" }) == ["00000000000000aa=2", "00000000000000bb=1"])
        #expect(ranked.rows.allSatisfy { $0.model == nil && $0.operation == nil && $0.service == nil && $0.user == nil })
    }

    @Test(arguments: Kind.allCases)
    func failureModesFilterAndGroupByBuiltInDimensions(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        _ = try await store.writeAndFlush(Self.failureTraces())
        let range = (from: Self.base, to: Self.base + 4 * Self.minute)
        let forUser = try await store.failureModes(FailureModeQuery(fromNanos: range.from, toNanos: range.to, filters: [.user: "u2"]))
        #expect(forUser.failedSpans == 1)
        #expect(forUser.rows.map(\.count) == [1])
        let byCategory = try await store.failureModes(FailureModeQuery(fromNanos: range.from, toNanos: range.to, filters: [.errorCategory: "tool"]))
        #expect(byCategory.rows.map(\.fingerprint) == ["00000000000000bb"])
        let grouped = try await store.failureModes(FailureModeQuery(fromNanos: range.from, toNanos: range.to, groupBy: [.user, .model]))
        let keys = Set(grouped.rows.map(\.key))
        #expect(keys == [["u1", ""], ["u1", "gpt-4o"], ["u2", "gpt-4o"]])
        let none = try await store.failureModes(FailureModeQuery(fromNanos: range.from, toNanos: range.to, filters: [.status: "ok"]))
        #expect(none.rows.isEmpty && none.failedSpans == 0)
    }
}
