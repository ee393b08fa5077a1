import Foundation

/// The distribution one metric data point carries: how many values, their sum, and how many fell
/// in each bucket.
///
/// Both OTLP histogram kinds arrive as this one shape: explicit-bound buckets as they came, and
/// exponential buckets turned into their explicit bounds (``init(scale:zeroCount:offset:counts:)``).
/// A value `v` is in bucket `i` when `bounds[i-1] < v <= bounds[i]`; the last bucket has no upper bound.
public struct MetricHistogram: Sendable, Hashable {
    public var count: Int64
    public var sum: Double
    /// Upper bounds of every bucket but the last, strictly increasing.
    public var bounds: [Double]
    /// One more than ``bounds``, or empty when the sender sent only the count and sum.
    public var bucketCounts: [Int64]
    public var min: Double?
    public var max: Double?

    public init(count: Int64, sum: Double, bounds: [Double] = [], bucketCounts: [Int64] = [], min: Double? = nil, max: Double? = nil) {
        (self.count, self.sum, self.bounds, self.bucketCounts, self.min, self.max) = (count, sum, bounds, bucketCounts, min, max)
    }

    /// An OTLP exponential histogram's positive buckets (and its zero bucket) as explicit bounds:
    /// bucket `offset + k` covers `(base^(offset+k), base^(offset+k+1)]`, with `base = 2^(2^-scale)`.
    /// Latencies and token counts are never negative, so negative buckets are not taken.
    public init(count: Int64, sum: Double, scale: Int32, zeroCount: Int64, offset: Int32, counts: [Int64], min: Double? = nil, max: Double? = nil) {
        let log2Base = exp2(-Double(scale))
        var bounds = [0.0]
        var bucketCounts = [zeroCount]
        for k in counts.indices { bounds.append(exp2(Double(Int(offset) + k + 1) * log2Base)) }
        bucketCounts += counts
        // Exponential buckets have an upper bound each; the explicit form's open last bucket stays empty.
        bucketCounts.append(0)
        self.init(count: count, sum: sum, bounds: bounds, bucketCounts: bucketCounts, min: min, max: max)
    }

    /// Whether the buckets describe the count: as many counts as bounds plus one, adding up to it.
    public var hasConsistentBuckets: Bool {
        bucketCounts.count == bounds.count + 1 && bucketCounts.reduce(0, &+) == count
            && zip(bounds, bounds.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// What happened between an earlier cumulative point of the same series and this one; nil when
    /// this one does not continue it (fewer values, or other buckets): the series restarted.
    public func since(_ earlier: MetricHistogram) -> MetricHistogram? {
        guard count >= earlier.count, bounds == earlier.bounds, bucketCounts.count == earlier.bucketCounts.count else { return nil }
        let counts = zip(bucketCounts, earlier.bucketCounts).map { $0 - $1 }
        guard counts.allSatisfy({ $0 >= 0 }) else { return nil }
        // min and max are of the whole cumulative interval: no longer bounds of the difference.
        return MetricHistogram(count: count - earlier.count, sum: sum - earlier.sum, bounds: bounds, bucketCounts: counts)
    }

    /// A value to stand for each non-empty bucket's values, with how many there are: the geometric
    /// middle of its bounds (buckets are log-spaced), narrowed by the point's min and max where known.
    /// Without buckets, the mean stands for every value.
    public func representatives() -> [(value: Double, count: Int64)] {
        guard !bucketCounts.isEmpty, hasConsistentBuckets else {
            return count > 0 ? [(sum / Double(count), count)] : []
        }
        var result: [(Double, Int64)] = []
        for (i, n) in bucketCounts.enumerated() where n > 0 {
            var lower = i == 0 ? Swift.min(0, bounds.first ?? 0) : bounds[i - 1]
            var upper = i == bounds.count ? (max ?? bounds.last ?? lower) : bounds[i]
            if let min { lower = Swift.max(lower, min) }
            if let max { upper = Swift.min(upper, max) }
            if upper < lower { upper = lower }
            let value = lower > 0 ? (lower * upper).squareRoot() : upper / 2
            result.append((value, n))
        }
        return result
    }
}
