/// Finds stretches of a series that leave their robust baseline: spikes, drops and drifts.
///
/// Each point is scored against ``RobustBaseline`` as `(value − median) / max(spread, floor)`,
/// the floor (a share of the median, and an absolute minimum) keeping a flat, quiet series from
/// raising an alarm at the first wiggle. A run of points beyond `threshold` in one direction is
/// an anomaly once it lasts `minimumSteps` (a single point is enough at twice the threshold).
public struct AnomalyDetector: Sendable, Hashable {
    public var threshold: Double
    public var minimumSteps: Int
    /// The smallest spread, as a share of the median.
    public var relativeFloor: Double
    /// The smallest spread in the series' own unit.
    public var absoluteFloor: Double
    /// Steps below the threshold that do not end a run.
    public var gapSteps: Int

    public init(threshold: Double = 4.5, minimumSteps: Int = 4, relativeFloor: Double = 0.1, absoluteFloor: Double = 1e-9, gapSteps: Int = 2) {
        self.threshold = threshold
        self.minimumSteps = minimumSteps
        self.relativeFloor = relativeFloor
        self.absoluteFloor = absoluteFloor
        self.gapSteps = gapSteps
    }

    public enum Direction: String, Sendable, Hashable, Codable {
        case spike
        case drop
    }

    /// One anomaly: the steps it covers, how far it went and what was expected.
    public struct Interval: Sendable, Hashable {
        /// First and last anomalous step, inclusive.
        public var start: Int
        public var end: Int
        public var direction: Direction
        /// The worst point's value, its baseline median and band (median ± threshold × spread).
        public var observed: Double
        public var expected: Double
        public var lower: Double
        public var upper: Double
        /// The worst point's score, in spreads from the median.
        public var severity: Double
        public var confidence: Double
    }

    public func detect(_ values: [Double?], calendar: RobustBaseline.Calendar) -> [Interval] {
        var intervals: [Interval] = []
        var current: Interval?
        var quiet = 0
        func close() {
            if let run = current, run.end - run.start + 1 >= minimumSteps || run.severity >= 2 * threshold { intervals.append(run) }
            current = nil
            quiet = 0
        }
        for index in values.indices {
            guard let value = values[index], let baseline = RobustBaseline.at(index, of: values, calendar: calendar) else {
                if current != nil { quiet += 1; if quiet > gapSteps { close() } }
                continue
            }
            let spread = max(baseline.spread, relativeFloor * abs(baseline.median), absoluteFloor)
            let score = (value - baseline.median) / spread
            let direction: Direction = score > 0 ? .spike : .drop
            guard abs(score) >= threshold else {
                if current != nil { quiet += 1; if quiet > gapSteps { close() } }
                continue
            }
            if let run = current, run.direction != direction { close() }
            quiet = 0
            let point = Interval(
                start: index, end: index, direction: direction, observed: value, expected: baseline.median,
                lower: baseline.median - threshold * spread, upper: baseline.median + threshold * spread, severity: abs(score),
                confidence: baseline.confidence
            )
            if var run = current {
                run.end = index
                if point.severity > run.severity {
                    (run.observed, run.expected, run.lower, run.upper, run.severity) = (point.observed, point.expected, point.lower, point.upper, point.severity)
                }
                current = run
            } else {
                current = point
            }
        }
        close()
        return intervals
    }
}
