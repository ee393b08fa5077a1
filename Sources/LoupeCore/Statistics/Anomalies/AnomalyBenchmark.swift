import Foundation

/// A labelled benchmark for ``AnomalyDetector``: four days of per-minute traffic with a daily
/// cycle and noise, and on the last day one incident of a known kind, start and end. Seeds make
/// it reproducible; tuning uses one range of seeds and the figures are reported on another.
public enum AnomalyBenchmark {
    public enum Kind: String, Sendable, CaseIterable {
        /// Requests per minute ×3 for 10 minutes.
        case spike
        /// Requests per minute ×0.3 for 15 minutes.
        case drop
        /// Requests per minute rising to ×1.8 over two hours, then staying there an hour.
        case drift
        /// The error rate of one category from 2% to 15% for 10 minutes.
        case errorBurst = "error_burst"
        /// Cost per minute ×2.5 for 20 minutes: one user's runaway loop.
        case userCostSpike = "user_cost_spike"
        /// No incident: every interval found is a false alarm.
        case clean
    }

    /// How large the incidents are: `clear` as each kind's comment says, `subtle` about half as far
    /// from normal (spike ×1.8, drop ×0.6, drift to ×1.4, error rate 2% to 6%, cost ×1.6), closer
    /// to the noise, where a detector shows what it misses.
    public enum Strength: String, Sendable, CaseIterable {
        case clear
        case subtle
    }

    public struct Series: Sendable {
        public var kind: Kind
        public var values: [Double?]
        /// For the error rate: the requests of each minute, the rate's trials.
        public var trials: [Double]?
        /// The labelled incident's first and last minute; nil for clean traffic.
        public var incident: ClosedRange<Int>?
        public var direction: AnomalyDetector.Direction
    }

    public static let days = 4
    public static let minutesPerDay = 1_440

    public static func series(_ kind: Kind, seed: UInt64, strength: Strength = .clear) -> Series {
        let subtle = strength == .subtle
        var random = SeededRandom(state: seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(kind.rawValue.count))
        let count = days * minutesPerDay
        let level = 80 + 240 * random.uniform()
        let phase = random.uniform() * 2 * .pi
        // The incident starts on the last day, leaving room for the longest one.
        let length: Int
        switch kind {
        case .spike, .errorBurst: length = 10
        case .drop: length = 15
        case .userCostSpike: length = 20
        case .drift: length = 180
        case .clean: length = 0
        }
        let start = (days - 1) * minutesPerDay + 60 + Int(random.uniform() * Double(minutesPerDay - 300))
        var values: [Double?] = []
        var trials: [Double] = []
        for t in 0..<count {
            let season = 1 + 0.5 * sin(2 * .pi * Double(t) / Double(minutesPerDay) + phase)
            let inside = kind != .clean && t >= start && t < start + length
            var lambda = level * season
            switch kind {
            case .spike where inside: lambda *= subtle ? 1.8 : 3
            case .drop where inside: lambda *= subtle ? 0.6 : 0.3
            case .drift where inside: lambda *= 1 + (subtle ? 0.4 : 0.8) * min(1, Double(t - start) / 120)
            default: break
            }
            let requests = max(0, lambda + sqrt(lambda) * random.normal())
            switch kind {
            case .errorBurst:
                let p = inside ? (subtle ? 0.06 : 0.15) : 0.02
                let errors = max(0, requests * p + sqrt(requests * p * (1 - p)) * random.normal())
                values.append(requests > 0 ? errors / requests : nil)
                trials.append(requests)
            case .userCostSpike:
                let perRequest = 0.004 * exp(0.15 * random.normal())
                values.append(requests * perRequest * (inside ? (subtle ? 1.6 : 2.5) : 1))
            default:
                values.append(requests)
            }
        }
        let direction: AnomalyDetector.Direction = kind == .drop ? .drop : .spike
        return Series(
            kind: kind, values: values, trials: trials.isEmpty ? nil : trials, incident: kind == .clean ? nil : start...(start + length - 1),
            direction: direction
        )
    }

    /// Per kind: incidents found, incidents, intervals flagged, those that matched an incident.
    public struct Score: Sendable {
        public var found = 0
        public var incidents = 0
        public var flagged = 0
        public var matched = 0
        /// Intervals on clean series, and the days they covered (the three judged days each).
        public var falseAlarms = 0
        public var cleanDays = 0

        public var recall: Double { incidents == 0 ? 1 : Double(found) / Double(incidents) }
        public var precision: Double { flagged == 0 ? 1 : Double(matched) / Double(flagged) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        public var falseAlarmsPerDay: Double { cleanDays == 0 ? 0 : Double(falseAlarms) / Double(cleanDays) }
    }

    /// Runs the detector over `seeds` series of each kind. Only days after the first are judged
    /// (the first has no seasonal baseline); an interval matches when it overlaps the incident
    /// (or the ten minutes after it) in the incident's direction.
    public static func score(_ detector: AnomalyDetector, seeds: [UInt64], strength: Strength = .clear) -> [Kind: Score] {
        var scores: [Kind: Score] = [:]
        let calendar = RobustBaseline.Calendar(stepSeconds: 60)
        for kind in Kind.allCases {
            var score = Score()
            for seed in seeds {
                let series = series(kind, seed: seed, strength: strength)
                let found = detector.detect(series.values, calendar: calendar, trials: series.trials).filter { $0.end >= minutesPerDay }
                if let incident = series.incident {
                    score.incidents += 1
                    let window = incident.lowerBound...(incident.upperBound + 10)
                    let hits = found.filter { $0.direction == series.direction && window.overlaps($0.start...$0.end) }
                    if !hits.isEmpty { score.found += 1 }
                    score.flagged += found.count
                    score.matched += hits.count
                } else {
                    score.falseAlarms += found.count
                    score.cleanDays += days - 1
                }
            }
            scores[kind] = score
        }
        return scores
    }
}
