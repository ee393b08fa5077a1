import LoupeCore
import LoupeStore

/// What ``TelemetryAnalytics/experimentReport(_:)`` compares.
public struct ExperimentQuery: Sendable, Hashable {
    public var name: String
    public var range: TimeRange
    public var project: String?
    /// The variant the others are compared with; `control`, `baseline`, `a` or the first name
    /// alphabetically when nil.
    public var control: String?
    /// The intended share of each variant, for the sample-ratio check; an even split when empty.
    public var split: [String: Double]
    /// The significance level of every test.
    public var alpha: Double

    /// Thirty days: experiments run for weeks.
    public static let defaultRangeSeconds: Int64 = 30 * 86_400

    public init(name: String, range: TimeRange, project: String? = nil, control: String? = nil, split: [String: Double] = [:], alpha: Double = 0.05) {
        self.name = name
        self.range = range
        self.project = project
        self.control = control
        self.split = split
        self.alpha = alpha
    }

    /// An intended split written as `variant:weight` pairs (`control:9,v2:1`).
    public static func split(parsing text: String) throws(AnalyticsError) -> [String: Double] {
        var split: [String: Double] = [:]
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2, let weight = Double(pieces[1]), weight > 0, weight.isFinite, !pieces[0].isEmpty else {
                throw .badFilter("split", "'\(part)' is not variant:weight (e.g. control:9,v2:1)")
            }
            split[String(pieces[0])] = weight
        }
        return split
    }

    /// Whether `alpha` is a significance level the tests can use: above 0 and below 0.5.
    public static func isValidAlpha(_ alpha: Double) -> Bool { alpha > 0 && alpha < 0.5 }
}
