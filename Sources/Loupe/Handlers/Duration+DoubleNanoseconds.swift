extension Duration {
    /// The duration in nanoseconds as a double, the type of the `duration_ns` measurement.
    var doubleNanoseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }

    /// A duration from a nanosecond count, rounding and saturating instead of trapping.
    static func fromNanoseconds(_ value: Double) -> Duration {
        guard value.isFinite, value > 0 else { return .zero }
        guard value < 9.2e18 else { return .nanoseconds(Int64.max) }
        return .nanoseconds(Int64(value.rounded()))
    }
}
