import LoupeCore

/// One anomaly: a stretch of one series that left its baseline, how far, and what drove it.
public struct Anomaly: Sendable, Hashable {
    public var metric: AnomalyMetric
    /// The series' group (empty for the totals).
    public var key: [String: String]
    /// Unix seconds: the first anomalous step's start and the last one's end.
    public var start: Int64
    public var end: Int64
    public var direction: AnomalyDetector.Direction
    /// The worst step's value, its expected value and the band around it.
    public var observed: Double
    public var expected: Double
    public var lower: Double
    public var upper: Double
    /// In robust standard deviations from the expected value.
    public var severity: Double
    /// How far the baseline can be trusted, 0 to 1 (see ``RobustBaseline/confidence``).
    public var confidence: Double
    public var baseline: RobustBaseline.Kind
    /// Whether the anomaly reaches the range's last step: still going on.
    public var ongoing: Bool
    /// The dimension values that explain the change; empty when not computed.
    public var attribution: [AnomalyAttribution.Share]

    /// The change against the expected value, as a share of it; nil when nothing was expected.
    public var change: Double? { expected == 0 ? nil : (observed - expected) / expected }
}
