import LoupeCore
import LoupeStore

/// Builds an ``ExperimentReport`` from an experiment's traces and the scores given to them.
enum ExperimentAnalysis {
    static let controlNames = ["control", "baseline", "a", "default"]

    static func report(query: ExperimentQuery, arms: [ExperimentArm]) -> ExperimentReport? {
        guard !arms.isEmpty else { return nil }
        let names = arms.map(\.variant)
        // Without a declared experiment the incumbent (the arm with most requests) is the baseline.
        let control = query.control.flatMap { names.contains($0) ? $0 : nil }
            ?? (query.isDeclaredExperiment
                ? names.first { controlNames.contains($0.lowercased()) } ?? names[0]
                : arms.max { ($0.requests, $1.variant) < ($1.requests, $0.variant) }!.variant)
        let ordered = arms.filter { $0.variant == control } + arms.filter { $0.variant != control }
        let comparisons = ordered.dropFirst().map { ExperimentComparison(control: ordered[0], treatment: $0, alpha: query.alpha) }
        let variants = ordered.map(ExperimentVariantStats.init)
        var split: [String: Double] = [:]
        for arm in ordered { split[arm.variant] = query.split[arm.variant] ?? (query.split.isEmpty ? 1 : 0) }
        // Only a declared experiment intended a split; the arms of a comparison are whatever ran.
        let sampleRatio = query.isDeclaredExperiment
            ? SampleRatioTest(observed: variants.map(\.units), weights: variants.map { split[$0.variant] ?? 0 }) : nil
        var verdict = recommendation(comparisons, sampleRatio: sampleRatio, variants: variants)
        if !query.isDeclaredExperiment {
            verdict.reason += " Observational: these requests were not assigned at random, so a difference may come from what was asked of each arm; confirm with an experiment before switching."
        }
        return ExperimentReport(
            name: query.name, range: query.range, control: control, variants: variants, comparisons: comparisons,
            split: query.isDeclaredExperiment ? split : [:], sampleRatio: sampleRatio, recommendation: verdict,
            truncated: arms.contains { $0.requests > $0.latenciesMs.count }, isObservational: !query.isDeclaredExperiment
        )
    }

    /// One recommendation for the whole experiment: a broken split first; then the best treatment
    /// to ship, if any; else keep the control when every treatment is worse; else keep running.
    static func recommendation(_ comparisons: [ExperimentComparison], sampleRatio: SampleRatioTest?, variants: [ExperimentVariantStats]) -> ExperimentVerdict {
        if let sampleRatio, sampleRatio.isMismatch {
            let shares = variants.map { "\($0.variant) \($0.units)" }.joined(separator: ", ")
            return ExperimentVerdict(
                decision: .checkAssignment,
                reason: "Check assignment: units per variant (\(shares)) are off the intended split (chi-square \(ExperimentComparison.pText(sampleRatio.pValue))). Fix assignment or logging before trusting any result.",
                moreRequests: nil
            )
        }
        guard !comparisons.isEmpty else {
            return ExperimentVerdict(decision: .keepRunning, reason: "Only one variant has requests: nothing to compare yet.", moreRequests: nil)
        }
        let ship = comparisons.filter { $0.verdict.decision == .shipTreatment }
        if let best = ship.max(by: { ($0.successRate?.treatment ?? 0) < ($1.successRate?.treatment ?? 0) }) {
            return ExperimentVerdict(decision: .shipTreatment, reason: "Ship \(best.treatment). \(best.verdict.reason)", moreRequests: nil)
        }
        if comparisons.allSatisfy({ $0.verdict.decision == .keepControl }) {
            let reasons = comparisons.map { "\($0.treatment): \($0.verdict.reason)" }.joined(separator: " ")
            return ExperimentVerdict(decision: .keepControl, reason: "Keep \(comparisons[0].control). \(reasons)", moreRequests: nil)
        }
        let running = comparisons.filter { $0.verdict.decision == .keepRunning }
        let more = running.compactMap(\.verdict.moreRequests).max()
        let reasons = (running.isEmpty ? comparisons : running).map { "\($0.treatment): \($0.verdict.reason)" }.joined(separator: " ")
        return ExperimentVerdict(decision: .keepRunning, reason: "Keep running. \(reasons)", moreRequests: more)
    }
}
