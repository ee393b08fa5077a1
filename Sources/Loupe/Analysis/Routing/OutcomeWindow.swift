/// Call and failure counts over a sliding window, kept in a fixed ring of time buckets so memory
/// stays constant however many calls arrive.
///
/// The window slides by one bucket (a tenth of its length), so it covers between 90% and 100% of
/// the length: close enough for a failure rate.
struct OutcomeWindow: Sendable {
    private struct Bucket {
        var epoch = UInt64.max
        var calls = 0
        var failures = 0
    }

    private let bucketNanos: UInt64
    private var buckets: [Bucket]

    init(length: Duration, bucketCount: Int = 10) {
        let count = max(bucketCount, 1)
        bucketNanos = max(length.nanoseconds / UInt64(count), 1)
        buckets = Array(repeating: Bucket(), count: count)
    }

    mutating func record(failed: Bool, at now: UInt64) {
        let epoch = now / bucketNanos
        let index = Int(epoch % UInt64(buckets.count))
        if buckets[index].epoch != epoch { buckets[index] = Bucket(epoch: epoch) }
        buckets[index].calls += 1
        if failed { buckets[index].failures += 1 }
    }

    func totals(at now: UInt64) -> (calls: Int, failures: Int) {
        let current = now / bucketNanos
        return buckets.reduce(into: (0, 0)) { totals, bucket in
            guard bucket.epoch != .max, bucket.epoch <= current, current - bucket.epoch < UInt64(buckets.count)
            else { return }
            totals.0 += bucket.calls
            totals.1 += bucket.failures
        }
    }

    mutating func reset() {
        buckets = Array(repeating: Bucket(), count: buckets.count)
    }
}
