import LoupeCore
import Testing

struct LatencyHistogramTests {
    @Test func quantilesStayWithinTheRelativeErrorBound() {
        var histogram = LatencyHistogram()
        let values = (1...10_000).map { Double($0) * 0.37 }
        for v in values { histogram.record(ms: v) }
        for q in [0.5, 0.9, 0.95, 0.99] {
            let exact = values[Int((q * Double(values.count)).rounded(.up)) - 1]
            let estimate = histogram.quantile(q) ?? 0
            #expect(abs(estimate - exact) / exact <= LatencyHistogram.relativeAccuracy + 1e-9, "q=\(q): \(estimate) vs \(exact)")
        }
    }

    @Test func mergingEqualsRecordingEverything() {
        var a = LatencyHistogram()
        var b = LatencyHistogram()
        var all = LatencyHistogram()
        for v in stride(from: 1.0, to: 500, by: 3) { a.record(ms: v); all.record(ms: v) }
        for v in stride(from: 200.0, to: 90_000, by: 777) { b.record(ms: v); all.record(ms: v) }
        a.merge(b)
        #expect(a == all)
        #expect(a.count == all.count)
    }

    /// The other histogram below, inside, around, above or apart from this one's buckets.
    @Test(arguments: [(100.0, 1.0), (1.0, 100.0), (10.0, 20.0), (20.0, 10.0), (1.0, 10_000.0), (10_000.0, 1.0)])
    func mergingInEveryRelativePositionEqualsRecordingEverything(first: Double, second: Double) {
        var a = LatencyHistogram()
        var b = LatencyHistogram()
        var all = LatencyHistogram()
        for v in [first, first * 1.5, first * 3] { a.record(ms: v); all.record(ms: v) }
        for v in [second, second * 1.1, second * 40] { b.record(ms: v); all.record(ms: v) }
        a.merge(b)
        #expect(a == all)
        var empty = LatencyHistogram()
        empty.merge(all)
        #expect(empty == all)
    }

    @Test func binaryEncodingRoundTrips() {
        var histogram = LatencyHistogram()
        for v in [0.0, 0.5, 12, 12, 4_000, 1e12] { histogram.record(ms: v) }
        #expect(LatencyHistogram(encoded: histogram.encoded()) == histogram)
        #expect(LatencyHistogram(encoded: [9, 9, 9]) == nil)
        #expect(LatencyHistogram(encoded: []) == nil)
    }

    @Test func emptyHistogramHasNoQuantiles() {
        #expect(LatencyHistogram().quantile(0.5) == nil)
    }
}
