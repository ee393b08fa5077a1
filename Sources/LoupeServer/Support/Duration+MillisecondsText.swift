import Foundation
import LoupeCore

extension Duration {
    /// Milliseconds with one decimal, for log lines.
    var millisecondsText: String { String(format: "%.1f", seconds * 1000) }
}
