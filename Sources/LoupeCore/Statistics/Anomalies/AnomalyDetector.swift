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

    /// One point against its baseline.
    public struct Score: Sendable, Hashable {
        public var value: Double
        public var baseline: RobustBaseline
        /// The spread the score divides by: the baseline's, or the floor when that is larger.
        public var spread: Double
        /// In spreads from the median; positive above it.
        public var score: Double
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
        public var baseline: RobustBaseline.Kind
    }

    /// Each point from `from` on scored against its baseline; nil where the point has no value or
    /// too little history. `trials`, when given, makes the series a proportion (an error rate) of
    /// that many trials per point: a point of few trials is noisier, so its spread is at least the
    /// binomial standard error, and one failure in five requests is not an incident.
    public func scores(_ values: [Double?], calendar: RobustBaseline.Calendar, trials: [Double]? = nil, from: Int = 0) -> [Score?] {
        var scores = [Score?](repeating: nil, count: values.count)
        for index in max(0, from)..<values.count {
            guard let value = values[index], let baseline = RobustBaseline.at(index, of: values, calendar: calendar) else { continue }
            var spread = max(baseline.spread, relativeFloor * abs(baseline.median), absoluteFloor)
            if let trials, index < trials.count, trials[index] > 0 {
                // A proportion of zero in the history still has some chance of failure.
                let p = min(max(baseline.median, 0.01), 0.99)
                spread = max(spread, (p * (1 - p) / trials[index]).squareRoot())
            }
            scores[index] = Score(value: value, baseline: baseline, spread: spread, score: (value - baseline.median) / spread)
        }
        return scores
    }

    /// The anomalous runs of a series, judged from step `from` on (earlier steps are history).
    public func detect(_ values: [Double?], calendar: RobustBaseline.Calendar, trials: [Double]? = nil, from: Int = 0) -> [Interval] {
        intervals(scores(values, calendar: calendar, trials: trials, from: from))
    }

    /// The runs beyond the threshold among scored points.
    public func intervals(_ scores: [Score?]) -> [Interval] {
        var intervals: [Interval] = []
        var current: Interval?
        var quiet = 0
        func close() {
            if let run = current, run.end - run.start + 1 >= minimumSteps || run.severity >= 2 * threshold { intervals.append(run) }
            current = nil
            quiet = 0
        }
        for index in scores.indices {
            guard let point = scores[index], abs(point.score) >= threshold else {
                if current != nil { quiet += 1; if quiet > gapSteps { close() } }
                continue
            }
            let direction: Direction = point.score > 0 ? .spike : .drop
            if let run = current, run.direction != direction { close() }
            quiet = 0
            let median = point.baseline.median
            let found = Interval(
                start: index, end: index, direction: direction, observed: point.value, expected: median,
                lower: median - threshold * point.spread, upper: median + threshold * point.spread, severity: abs(point.score),
                confidence: point.baseline.confidence, baseline: point.baseline.kind
            )
            if var run = current {
                run.end = index
                if found.severity > run.severity {
                    (run.observed, run.expected, run.lower, run.upper, run.severity) = (found.observed, found.expected, found.lower, found.upper, found.severity)
                }
                current = run
            } else {
                current = found
            }
        }
        close()
        return intervals
    }
}
