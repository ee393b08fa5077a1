import LoupeCore

/// An experiment's variants, each treatment compared with the control, the sample-ratio check
/// and one recommendation.
public struct ExperimentReport: Sendable, Hashable {
    public var name: String
    public var range: TimeRange
    public var control: String
    public var variants: [ExperimentVariantStats]
    public var comparisons: [ExperimentComparison]
    /// The intended share of each variant, as checked.
    public var split: [String: Double]
    public var sampleRatio: SampleRatioTest?
    public var recommendation: ExperimentVerdict
    /// Whether a variant had more requests than ``ExperimentArmQuery/maxLatencies``: its latency
    /// figures and rank test are of its newest requests (every other figure counts them all).
    public var truncated: Bool
    /// Whether the arms are a comparison of what ran (models, prompt versions) rather than a
    /// randomised experiment: its differences are associations, not effects.
    public var isObservational: Bool = false
}
