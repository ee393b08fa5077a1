/// Ranks 1…n of values, ties sharing the mean of the ranks they span (scipy's `rankdata`), and
/// the tie correction Σ(t³ − t) over groups of t equal values that rank tests need.
public struct AverageRanks: Sendable, Hashable {
    public let ranks: [Double]
    public let tieCorrection: Double

    public init(_ values: [Double]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var ties = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end + 2) / 2
            let t = Double(end - start + 1)
            ties += t * t * t - t
            for i in start...end { ranks[order[i]] = rank }
            start = end + 1
        }
        self.ranks = ranks
        tieCorrection = ties
    }
}
