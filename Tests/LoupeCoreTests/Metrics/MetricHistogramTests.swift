import LoupeCore
import Testing

struct MetricHistogramTests {
    /// The conventions' duration buckets, in seconds.
    static let bounds = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92]

    static func counts(_ pairs: [Int: Int64]) -> [Int64] {
        (0...bounds.count).map { pairs[$0] ?? 0 }
    }

    @Test func eachBucketIsStoodForByTheGeometricMiddleOfItsBounds() {
        let histogram = MetricHistogram(count: 3, sum: 1.5, bounds: Self.bounds, bucketCounts: Self.counts([5: 2, 7: 1]))
        #expect(histogram.hasConsistentBuckets)
        let values = histogram.representatives()
        #expect(values.count == 2)
        #expect(abs(values[0].value - (0.16 * 0.32).squareRoot()) < 1e-12)
        #expect(values[0].count == 2)
        #expect(abs(values[1].value - (0.64 * 1.28).squareRoot()) < 1e-12)
    }

    @Test func minAndMaxNarrowTheOuterBuckets() {
        // Every value below the first bound and above the last: only min and max say where.
        let histogram = MetricHistogram(
            count: 2, sum: 100.005, bounds: Self.bounds, bucketCounts: Self.counts([0: 1, 14: 1]), min: 0.005, max: 100)
        let values = histogram.representatives().map(\.value)
        #expect(abs(values[0] - (0.005 * 0.01).squareRoot()) < 1e-12)
        #expect(abs(values[1] - (81.92 * 100).squareRoot()) < 1e-9)
    }

    @Test func withoutBucketsTheMeanStandsForEveryValue() {
        let histogram = MetricHistogram(count: 4, sum: 2)
        #expect(histogram.representatives().map(\.value) == [0.5])
        #expect(histogram.representatives().map(\.count) == [4])
    }

    @Test func bucketsThatDoNotAddUpAreNotConsistent() {
        #expect(!MetricHistogram(count: 5, sum: 1, bounds: Self.bounds, bucketCounts: Self.counts([1: 4])).hasConsistentBuckets)
        #expect(!MetricHistogram(count: 1, sum: 1, bounds: [1, 2], bucketCounts: [1, 0]).hasConsistentBuckets)
        #expect(!MetricHistogram(count: 1, sum: 1, bounds: [2, 1], bucketCounts: [1, 0, 0]).hasConsistentBuckets)
    }

    @Test func exponentialBucketsBecomeTheirExplicitBounds() {
        // Scale 1: base √2, so bucket i covers (2^(i/2), 2^((i+1)/2)].
        let histogram = MetricHistogram(count: 6, sum: 20, scale: 1, zeroCount: 1, offset: 4, counts: [2, 0, 3])
        #expect(histogram.hasConsistentBuckets)
        #expect(histogram.bounds.count == 4)
        #expect(histogram.bounds[0] == 0)
        for (bound, expected) in zip(histogram.bounds.dropFirst(), [5.656854249492381, 8.0, 11.313708498984761]) {
            #expect(abs(bound - expected) < 1e-9)
        }
        #expect(histogram.bucketCounts == [1, 2, 0, 3, 0])
    }

    @Test func aLaterCumulativePointLessAnEarlierOneIsWhatHappenedBetween() throws {
        let earlier = MetricHistogram(count: 3, sum: 1.5, bounds: Self.bounds, bucketCounts: Self.counts([5: 2, 7: 1]), min: 0.2, max: 1)
        let later = MetricHistogram(count: 5, sum: 4.0, bounds: Self.bounds, bucketCounts: Self.counts([5: 2, 7: 2, 8: 1]), min: 0.2, max: 2)
        let between = try #require(later.since(earlier))
        #expect(between.count == 2)
        #expect(between.sum == 2.5)
        #expect(between.bucketCounts == Self.counts([7: 1, 8: 1]))
        #expect(between.min == nil && between.max == nil)
        // Fewer values than before: the series restarted, so there is no difference to take.
        #expect(earlier.since(later) == nil)
        #expect(later.since(MetricHistogram(count: 1, sum: 1, bounds: [1], bucketCounts: [1, 0])) == nil)
    }
}
