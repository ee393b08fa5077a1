import Foundation
import LoupeCore
import LoupeStore

/// One treatment against the control: every measure's difference, its interval and test, the
/// power of the sample, and what to do.
public struct ExperimentComparison: Sendable, Hashable {
    /// Fewer requests than this a side and no verdict but "keep running".
    public static let minimumRequests = 30
    /// How much worse the success rate may plausibly be (its interval's lower end) for a cheaper or
    /// faster treatment to count as just as good.
    public static let nonInferiorityMargin = 0.01

    public var control: String
    public var treatment: String
    public var successRate: RateComparison?
    public var errorRate: RateComparison?
    public var latencyMs: MeanComparison?
    public var costPerRequestUSD: MeanComparison?
    public var scores: [String: MeanComparison]
    /// Power of the success-rate comparison at the current sample size.
    public var power: PowerAnalysis?
    public var verdict: ExperimentVerdict

    init(control: ExperimentArm, treatment: ExperimentArm, alpha: Double) {
        self.control = control.variant
        self.treatment = treatment.variant
        successRate = RateComparison(
            controlHits: control.requests - control.unsuccessful, controlTrials: control.requests,
            treatmentHits: treatment.requests - treatment.unsuccessful, treatmentTrials: treatment.requests, alpha: alpha
        )
        errorRate = RateComparison(
            controlHits: control.failed, controlTrials: control.requests, treatmentHits: treatment.failed, treatmentTrials: treatment.requests,
            alpha: alpha
        )
        latencyMs = MeanComparison(
            control: SampleMoments(control.latenciesMs), treatment: SampleMoments(treatment.latenciesMs), alpha: alpha,
            controlValues: control.latenciesMs, treatmentValues: treatment.latenciesMs
        )
        costPerRequestUSD = MeanComparison(control: control.cost, treatment: treatment.cost, alpha: alpha)
        var scores: [String: MeanComparison] = [:]
        for (name, moments) in control.scores {
            guard let other = treatment.scores[name] else { continue }
            scores[name] = MeanComparison(control: moments, treatment: other, alpha: alpha)
        }
        self.scores = scores
        let units = control.requests + treatment.requests
        power = successRate.map { PowerAnalysis(standardError: $0.standardError, observedDifference: $0.difference, units: units, alpha: alpha) }
        verdict = Self.verdict(
            successRate: successRate, latency: latencyMs, cost: costPerRequestUSD, scores: scores, power: power,
            requests: min(control.requests, treatment.requests), units: units, alpha: alpha
        )
    }

    private static func verdict(
        successRate: RateComparison?, latency: MeanComparison?, cost: MeanComparison?, scores: [String: MeanComparison],
        power: PowerAnalysis?, requests: Int, units: Int, alpha: Double
    ) -> ExperimentVerdict {
        guard requests >= minimumRequests, let success = successRate else {
            return ExperimentVerdict(
                decision: .keepRunning, reason: "Too few requests to compare: at least \(minimumRequests) a variant are needed.",
                moreRequests: max(0, 2 * minimumRequests - units)
            )
        }
        let successText = "success rate \(points(success.difference)) (\(points(success.lower)) to \(points(success.upper)), \(pText(success.pValue)))"
        var better: [String] = [], worse: [String] = []
        if let latency {
            let p = pText(latency.rankPValue ?? latency.pValue)
            if latency.isSignificantly(higher: false, alpha: alpha) { better.append("faster (\(p))") }
            if latency.isSignificantly(higher: true, alpha: alpha) { worse.append("slower (\(p))") }
        }
        if let cost {
            let change = cost.relativeDifference.map { String(format: "%+.0f%%", $0 * 100) } ?? String(format: "%+.5f USD", cost.difference)
            if cost.isSignificantly(higher: false, alpha: alpha) { better.append("cheaper (\(change) a request, \(pText(cost.pValue)))") }
            if cost.isSignificantly(higher: true, alpha: alpha) { worse.append("costlier (\(change) a request, \(pText(cost.pValue)))") }
        }
        for (name, score) in scores.sorted(by: { $0.key < $1.key }) {
            if score.isSignificantly(higher: true, alpha: alpha) { better.append("higher \(name) (\(pText(score.pValue)))") }
            if score.isSignificantly(higher: false, alpha: alpha) { worse.append("lower \(name) (\(pText(score.pValue)))") }
        }
        let also = [better.isEmpty ? nil : "better: " + better.joined(separator: ", "), worse.isEmpty ? nil : "worse: " + worse.joined(separator: ", ")]
            .compactMap { $0 }.joined(separator: "; ")
        let detail = successText + (also.isEmpty ? "" : "; " + also)
        if success.pValue < alpha {
            if success.difference > 0 && worse.isEmpty {
                return ExperimentVerdict(decision: .shipTreatment, reason: "Better: \(detail).", moreRequests: nil)
            }
            if success.difference < 0 {
                return ExperimentVerdict(decision: .keepControl, reason: "Worse: \(detail).", moreRequests: nil)
            }
            return ExperimentVerdict(decision: .keepRunning, reason: "Mixed: \(detail). Decide which matters more.", moreRequests: nil)
        }
        if !better.isEmpty && worse.isEmpty && success.lower >= -nonInferiorityMargin {
            return ExperimentVerdict(
                decision: .shipTreatment,
                reason: "As good (\(successText), at worst \(points(success.lower))) and \(better.joined(separator: ", ")).", moreRequests: nil
            )
        }
        if !worse.isEmpty && better.isEmpty {
            return ExperimentVerdict(decision: .keepControl, reason: "No better (\(successText)) and \(worse.joined(separator: ", ")).", moreRequests: nil)
        }
        let more = power?.moreUnits(than: units)
        let reason = more.map { "No difference shown yet: \(detail). About \($0.formatted()) more requests would show a difference of this size with 80% power." }
            ?? "No difference seen: \(detail)."
        return ExperimentVerdict(decision: .keepRunning, reason: reason, moreRequests: more)
    }

    static func points(_ share: Double) -> String { String(format: "%+.1f pts", share * 100) }

    /// A p-value as people read it: three decimals, or "< 0.001".
    public static func formatted(pValue p: Double) -> String { p < 0.001 ? "< 0.001" : String(format: "%.3f", p) }

    /// "p = 0.376", or "p < 0.001".
    public static func pText(_ p: Double) -> String { p < 0.001 ? "p < 0.001" : "p = " + formatted(pValue: p) }
}
