extension Duration {
    /// The duration in seconds, as a floating-point number (for rates, lags and log lines).
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}

extension Duration {
    /// The duration in whole nanoseconds (for leases and delays kept as nanosecond timestamps).
    public var wholeNanoseconds: Int64 {
        let (whole, attoseconds) = components
        return whole &* 1_000_000_000 &+ attoseconds / 1_000_000_000
    }
}
