/// Count, mean and sample variance (n − 1 in the denominator) of a sample, accumulated in one
/// pass with Welford's update, which stays accurate where the naive sum of squares cancels.
public struct SampleMoments: Sendable, Hashable {
    public private(set) var count: Int = 0
    public private(set) var mean: Double = 0
    private var squaredDeviations: Double = 0

    public init() {}

    public init(_ values: some Sequence<Double>) {
        for value in values { add(value) }
    }

    /// From the count, sum and sum of squares a database adds up. The variance then comes from
    /// Σx² − (Σx)²/n, which loses digits when the values' spread is tiny against their size; costs,
    /// latencies and scores are far from that.
    public init(count: Int, sum: Double, sumOfSquares: Double) {
        self.count = count
        mean = count > 0 ? sum / Double(count) : 0
        squaredDeviations = count > 0 ? max(0, sumOfSquares - sum * sum / Double(count)) : 0
    }

    public mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        squaredDeviations += delta * (value - mean)
    }

    /// The unbiased sample variance; zero below two values.
    public var variance: Double { count > 1 ? squaredDeviations / Double(count - 1) : 0 }

    /// The squared standard error of the mean.
    public var varianceOfMean: Double { count > 0 ? variance / Double(count) : 0 }
}
