extension Duration {
    /// The duration in seconds, as a floating-point number (for rates, lags and log lines).
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
