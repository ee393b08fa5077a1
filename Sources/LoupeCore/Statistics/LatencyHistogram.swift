import Foundation

/// A mergeable latency histogram with fixed log-scale buckets.
///
/// Every histogram shares one bucket scheme, so any two merge by adding counts: per-minute rollups
/// merge into any time range without touching raw spans. Bucket `i` covers
/// `(minimum·γ^(i-1), minimum·γ^i]` with `γ = (1+α)/(1-α)`; reporting a bucket's midpoint keeps the
/// relative error of every quantile under `α` (1%), as in DDSketch. The scheme is the same in
/// every store, so ClickHouse can `sumMap` the same bucket indexes.
public struct LatencyHistogram: Sendable, Hashable {
    /// Relative accuracy of reported quantiles.
    public static let relativeAccuracy = 0.01
    /// Values at or below this (in milliseconds) fall in bucket 0.
    public static let minimumMs = 0.001
    /// Bucket count; the last bucket holds everything above about 3.6 billion ms (41 days).
    public static let bucketCount = 1_500

    static let gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy)
    private static let logGamma = Foundation.log(gamma)

    /// Counts per bucket index, `counts[k]` being bucket `offset + k`.
    public private(set) var offset: Int = 0
    public private(set) var counts: [UInt64] = []
    public private(set) var count: UInt64 = 0

    public init() {}

    /// Counts whose first and last buckets are not zero, as decoding builds them.
    init(offset: Int, counts: [UInt64], count: UInt64) {
        self.offset = offset
        self.counts = counts
        self.count = count
    }

    public static func bucketIndex(ofMs value: Double) -> Int {
        guard value > minimumMs, value.isFinite else { return value.isNaN ? 0 : (value > minimumMs ? bucketCount - 1 : 0) }
        let index = Int((Foundation.log(value / minimumMs) / logGamma).rounded(.up))
        return min(max(index, 0), bucketCount - 1)
    }

    /// The value reported for a bucket: its midpoint in relative terms.
    public static func representativeMs(ofBucket index: Int) -> Double {
        guard index > 0 else { return minimumMs }
        return minimumMs * 2 * Foundation.pow(gamma, Double(index)) / (gamma + 1)
    }

    public mutating func record(ms value: Double) {
        add(bucket: Self.bucketIndex(ofMs: value), count: 1)
    }

    /// Adds `count` observations to bucket `index` (clamped to the scheme's range).
    public mutating func add(bucket index: Int, count n: UInt64) {
        guard n > 0 else { return }
        let index = min(max(index, 0), Self.bucketCount - 1)
        if counts.isEmpty {
            offset = index
            counts = [n]
        } else if index < offset {
            counts.insert(contentsOf: repeatElement(0, count: offset - index), at: 0)
            offset = index
            counts[0] += n
        } else if index >= offset + counts.count {
            counts.append(contentsOf: repeatElement(0, count: index - offset - counts.count + 1))
            counts[index - offset] += n
        } else {
            counts[index - offset] += n
        }
        count += n
    }

    public mutating func merge(_ other: LatencyHistogram) {
        guard !other.counts.isEmpty else { return }
        if counts.isEmpty {
            self = other
            return
        }
        // Widen in place to cover both ranges, then add bucket by bucket: a store's writer merges
        // thousands of these a second into its pending rollups.
        if other.offset < offset {
            counts.insert(contentsOf: repeatElement(0, count: offset - other.offset), at: 0)
            offset = other.offset
        }
        let end = other.offset + other.counts.count
        if end > offset + counts.count {
            counts.append(contentsOf: repeatElement(0, count: end - offset - counts.count))
        }
        let shift = other.offset - offset
        counts.withUnsafeMutableBufferPointer { mine in
            other.counts.withUnsafeBufferPointer { theirs in
                for k in theirs.indices { mine[shift + k] &+= theirs[k] }
            }
        }
        count += other.count
    }

    /// The `q`-quantile (0...1) in milliseconds, or nil when empty. Nearest-rank on bucket counts.
    public func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = max(1, UInt64((min(max(q, 0), 1) * Double(count)).rounded(.up)))
        var seen: UInt64 = 0
        for (k, c) in counts.enumerated() {
            seen += c
            if seen >= rank { return Self.representativeMs(ofBucket: offset + k) }
        }
        return Self.representativeMs(ofBucket: offset + counts.count - 1)
    }
}
