import Foundation

/// How recommendation numbers read: one style for every advisor.
enum Figures {
    static func usd(_ value: Double) -> String {
        value >= 100 ? String(format: "$%.0f", value) : value >= 1 ? String(format: "$%.2f", value) : String(format: "$%.4f", value)
    }

    static func percent(_ share: Double) -> String {
        share < 0.1 ? String(format: "%.1f%%", share * 100) : String(format: "%.0f%%", share * 100)
    }

    static func ms(_ value: Double) -> String {
        value >= 1_000 ? String(format: "%.1f s", value / 1_000) : String(format: "%.0f ms", value)
    }

    static func count(_ value: Int64) -> String { value.formatted() }

    static func tokens(_ value: Double) -> String { String(format: "%.0f", value) }
}
