import LoupeStore

/// Which dimension values explain an anomaly: each value's part of the change in the metric's
/// additive quantity (``AnomalyMetric/contribution(_:unit:)``) between the anomaly and a
/// baseline window of equal length.
public enum AnomalyAttribution {
    /// One value's part of the change.
    public struct Share: Sendable, Hashable {
        /// The dimensions and their values, such as `["user": "u-123", "model": "gpt-4o"]`.
        public var key: [String: String]
        /// Its change over the change of all values together, in the anomaly's direction: 0.82
        /// means 82% of the increase (or of the drop).
        public var share: Double
        /// Its part of the quantity in the baseline window: a value that took 40% of the change
        /// and had 40% before explains nothing; one that had 1% explains the change.
        public var baselineShare: Double
        /// Its quantity per minute during the anomaly and in the baseline window.
        public var during: Double
        public var before: Double

        /// How much more of the change it took than it had before.
        public var excess: Double { share - baselineShare }
    }

    /// Single dimensions, and pairs that say more than either alone ("user u-123 on gpt-4o").
    public static let candidates: [[TelemetryDimension]] = [
        [.service], [.operation], [.provider], [.model], [.user], [.user, .model], [.errorCategory],
    ]

    /// The values of one grouping that explain the change, largest share first: at least
    /// `minimumShare` of it, and `minimumExcess` more than they had before (a change spread evenly
    /// over all values is explained by none, and so is one by a dimension that has a single value).
    /// `during` and `before` are per value, per minute.
    public static func shares(
        during: [[String: String]: Double], before: [[String: String]: Double], increase: Bool,
        minimumShare: Double = 0.2, minimumExcess: Double = 0.15
    ) -> [Share] {
        // A dimension with one value during the anomaly (the only service) explains nothing.
        guard during.values.count(where: { $0 != 0 }) > 1 else { return [] }
        let keys = Set(during.keys).union(before.keys)
        let deltas = keys.map { key in (key, (during[key] ?? 0) - (before[key] ?? 0)) }
        let total = deltas.reduce(0) { $0 + $1.1 }
        let totalBefore = before.values.reduce(0, +)
        // Only a change in the anomaly's direction is explained.
        guard increase ? total > 0 : total < 0 else { return [] }
        return deltas.compactMap { key, delta in
            let share = Self.share(delta, of: total)
            let baselineShare = totalBefore > 0 ? (before[key] ?? 0) / totalBefore : 0
            guard share >= minimumShare, share - baselineShare >= minimumExcess else { return nil }
            return Share(key: key, share: share, baselineShare: baselineShare, during: during[key] ?? 0, before: before[key] ?? 0)
        }.sorted { ($0.share, $1.key.description) > ($1.share, $0.key.description) }
    }

    /// A value's part of the change; above 1 when others moved the other way.
    static func share(_ delta: Double, of total: Double) -> Double { total == 0 ? 0 : delta / total }

    /// The explanation worth a sentence: the value that took most more of the change than it had,
    /// a pair preferred to either of its dimensions alone when it says nearly as much.
    public static func headline(_ shares: [Share]) -> Share? {
        guard let best = shares.max(by: { $0.excess < $1.excess }) else { return nil }
        let pair = shares.filter { $0.key.count > 1 }.max { $0.excess < $1.excess }
        if let pair, pair.excess >= 0.8 * best.excess { return pair }
        return best
    }
}
