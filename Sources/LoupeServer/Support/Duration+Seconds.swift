import Foundation

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }

    /// Milliseconds with one decimal, for log lines.
    var millisecondsText: String { String(format: "%.1f", seconds * 1000) }
}
