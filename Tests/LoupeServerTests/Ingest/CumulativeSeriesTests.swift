import LoupeCore
@testable import LoupeServer
import Testing

struct CumulativeSeriesTests {
    static let started: Int64 = 1_000_000_000_000

    static func point(start: Int64, time: Int64, count: Int64, cumulative: Bool = true, model: String = "gpt-4o") -> MetricPoint {
        MetricPoint(
            name: "gen_ai.client.operation.duration", unit: "s", attributes: ["gen_ai.request.model": .string(model)],
            resourceAttributes: ["service.name": "bot"], startNanos: start, timeNanos: time, isCumulative: cumulative,
            histogram: MetricHistogram(count: count, sum: Double(count), bounds: [1], bucketCounts: [count, 0]))
    }

    @Test func aSeriesStartedAfterTheServerCountsInFullThenByDifference() throws {
        let series = CumulativeSeries(startedNanos: Self.started)
        let s = Self.started + 10
        let first = try #require(series.delta(of: Self.point(start: s, time: s + 100, count: 3)))
        #expect(first.histogram.count == 3)
        #expect(first.sinceNanos == s)
        let second = try #require(series.delta(of: Self.point(start: s, time: s + 200, count: 7)))
        #expect(second.histogram.count == 4)
        #expect(second.sinceNanos == s + 100)
        // The same point again (an exporter's retry) adds nothing.
        #expect(series.delta(of: Self.point(start: s, time: s + 200, count: 7)) == nil)
    }

    @Test func aSeriesStartedBeforeTheServerIsOnlyABaselineAtFirst() throws {
        let series = CumulativeSeries(startedNanos: Self.started)
        let s = Self.started - 1_000
        #expect(series.delta(of: Self.point(start: s, time: Self.started + 100, count: 50)) == nil)
        let next = try #require(series.delta(of: Self.point(start: s, time: Self.started + 200, count: 52)))
        #expect(next.histogram.count == 2)
    }

    @Test func aRestartedSenderCountsFromItsNewStart() throws {
        let series = CumulativeSeries(startedNanos: Self.started)
        let s = Self.started + 10
        _ = series.delta(of: Self.point(start: s, time: s + 100, count: 30))
        // The sender restarted: a new start time, and fewer values than before.
        let restarted = try #require(series.delta(of: Self.point(start: s + 500, time: s + 600, count: 2)))
        #expect(restarted.histogram.count == 2)
        #expect(restarted.sinceNanos == s + 500)
    }

    @Test func deltaPointsPassThroughAndSeriesAreToldApartByAttributes() throws {
        let series = CumulativeSeries(startedNanos: Self.started)
        let delta = try #require(series.delta(of: Self.point(start: 5, time: 10, count: 9, cumulative: false)))
        #expect(delta.histogram.count == 9)
        let s = Self.started + 10
        _ = series.delta(of: Self.point(start: s, time: s + 100, count: 3, model: "a"))
        let other = try #require(series.delta(of: Self.point(start: s, time: s + 100, count: 4, model: "b")))
        #expect(other.histogram.count == 4)
    }

    @Test func pastItsCapacityTheLeastRecentlySeenSeriesAreForgotten() throws {
        let series = CumulativeSeries(startedNanos: Self.started, capacity: 4)
        let s = Self.started + 10
        for (i, model) in ["a", "b", "c", "d"].enumerated() {
            _ = series.delta(of: Self.point(start: s, time: s + Int64(i), count: 1, model: model))
        }
        _ = series.delta(of: Self.point(start: s, time: s + 10, count: 1, model: "e"))
        // "a" was forgotten: its next point counts in full again (its series started after the server).
        #expect(series.delta(of: Self.point(start: s, time: s + 20, count: 5, model: "a"))?.histogram.count == 5)
        // "d" was kept: its next point is the difference.
        #expect(series.delta(of: Self.point(start: s, time: s + 20, count: 5, model: "d"))?.histogram.count == 4)
    }
}
