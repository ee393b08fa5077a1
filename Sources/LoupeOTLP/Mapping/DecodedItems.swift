/// The items of one OTLP request that can be stored (spans, data points, log records), and a count
/// of those that cannot, by reason: what `partial_success` reports while the rest are stored.
public protocol DecodedItems {
    associatedtype Item
    associatedtype Reason: RawRepresentable<String>, CaseIterable, Hashable

    /// The item in a sentence: "span".
    static var itemName: String { get }
    /// Why an item timed far ahead of the server's clock is refused.
    static var tooFarAhead: Reason { get }
    /// When an item happened, in unix nanoseconds.
    static func time(of item: Item) -> Int64

    var items: [Item] { get set }
    var rejected: [Reason: Int] { get set }
}

extension DecodedItems {
    /// Rejects items timed after `latestNanos`: a clock decades ahead (or a unit mistaken for
    /// nanoseconds) would otherwise put them where no time range ever looks, or skew every range that does.
    public mutating func rejectTimed(after latestNanos: Int64) {
        let before = items.count
        items.removeAll { Self.time(of: $0) > latestNanos }
        if items.count < before { rejected[Self.tooFarAhead, default: 0] += before - items.count }
    }

    public var rejectedCount: Int { rejected.values.reduce(0, +) }

    /// A human-readable summary for OTLP's `partial_success.error_message`.
    public var rejectionMessage: String? {
        guard !rejected.isEmpty else { return nil }
        let parts = Reason.allCases.compactMap { reason in
            rejected[reason].map { "\($0) \(Self.itemName)\($0 == 1 ? "" : "s"): \(reason.rawValue)" }
        }
        return "rejected " + parts.joined(separator: "; ")
    }
}
