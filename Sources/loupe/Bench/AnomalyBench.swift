import Foundation
import ArgumentParser
import LoupeCore

struct AnomalyBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomalies",
        abstract: "Precision, recall and F1 of the anomaly detector on labelled synthetic incidents: tuned on seeds 1–20 (clear incidents), reported on held-out seeds 101–150, for clear and for subtle incidents."
    )

    static let thresholds: [Double] = [3.5, 4, 4.5, 5, 6]
    static let minimumSteps = [2, 3, 4]

    func run() {
        let train = Array(UInt64(1)...20)
        let heldOut = Array(UInt64(101)...150)
        var best: (AnomalyDetector, Double)?
        BenchFormat.say("Tuning on \(train.count) seeds per kind (mean F1 over incident kinds; clean traffic ≤ 1 false alarm a day):")
        for threshold in Self.thresholds {
            for steps in Self.minimumSteps {
                let detector = AnomalyDetector(threshold: threshold, minimumSteps: steps)
                let scores = AnomalyBenchmark.score(detector, seeds: train)
                let kinds = scores.filter { $0.key != .clean }.values
                let f1 = kinds.reduce(0) { $0 + $1.f1 } / Double(kinds.count)
                let alarms = scores[.clean]?.falseAlarmsPerDay ?? 0
                BenchFormat.say("  threshold \(threshold), \(steps) steps: mean F1 \(String(format: "%.3f", f1)), false alarms/day \(String(format: "%.2f", alarms))")
                if alarms <= 1, f1 > (best?.1 ?? -1) { best = (detector, f1) }
            }
        }
        guard let (detector, _) = best else { return }
        BenchFormat.say("Chosen: threshold \(detector.threshold), \(detector.minimumSteps) steps.")
        for strength in AnomalyBenchmark.Strength.allCases {
            BenchFormat.say("Held out, \(strength.rawValue) incidents (\(heldOut.count) seeds per kind):")
            let scores = AnomalyBenchmark.score(detector, seeds: heldOut, strength: strength)
            for kind in AnomalyBenchmark.Kind.allCases {
                guard let s = scores[kind] else { continue }
                if kind == .clean {
                    BenchFormat.say("  clean traffic: \(s.falseAlarms) false alarms over \(s.cleanDays) days (\(String(format: "%.3f", s.falseAlarmsPerDay))/day)")
                } else {
                    BenchFormat.say("  \(kind.rawValue): precision \(String(format: "%.3f", s.precision)), recall \(String(format: "%.3f", s.recall)), F1 \(String(format: "%.3f", s.f1))")
                }
            }
        }
    }
}
