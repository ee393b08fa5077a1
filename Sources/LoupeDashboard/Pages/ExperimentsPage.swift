import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Seed 003's A/B tests: which variant of a model or prompt does better, with the statistics behind
/// the answer and a plain recommendation first. Follows the range picker and the project filter;
/// `experiment` picks one (the most recently active by default), `split` gives the intended shares;
/// `compare=model` or `compare=prompt_version` compares what ran without an experiment, within the
/// service filter's service.
struct ExperimentsPage {
    static let parameters: Set<String> = ["experiment", "split", "compare"]

    let context: PageContext

    func render() async throws -> RenderedPage {
        let query = context.query
        let project = query.filters[.project]
        // Quality needs nothing the rest reads: under way while the experiments are listed.
        async let qualityRead = context.analytics.quality(query.range, project: project)
        let experiments = try await context.analytics.experiments(query.range, project: project)
        let compare = query.parameters["compare"]
        let chosen = compare == nil ? query.parameters["experiment"] ?? experiments.first?.name : nil
        let chips = experiments.map { e in
            ExperimentsView.Chip(
                label: "\(e.name) (\(DisplayFormat.count(e.totalRequests)))",
                href: query.link(DashboardSection.experiments.path, ["experiment": e.name, "compare": nil]), active: e.name == chosen
            )
        } + [("model", "models"), ("prompt_version", "prompt versions")].map { by, label in
            ExperimentsView.Chip(
                label: "compare \(label)" + (query.filters[.service].map { " in \($0)" } ?? ""),
                href: query.link(DashboardSection.experiments.path, ["compare": by, "experiment": nil]), active: compare == by
            )
        }
        var split: [String: Double] = [:]
        if let text = query.parameters["split"] {
            do {
                split = try ExperimentQuery.split(parsing: text)
            } catch {
                throw DashboardError.badParameter("split", "use variant:weight pairs such as control:9,v2:1, not '\(text)'")
            }
        }
        var report: ExperimentReport?
        if let compare {
            let grouping: ArmGrouping
            do {
                grouping = try ExperimentQuery.grouping(parsing: compare, dimensions: [])
            } catch {
                throw DashboardError.badParameter("compare", "'\(compare)' is not model or prompt_version")
            }
            report = try await context.analytics.experimentReport(
                ExperimentQuery.comparing(grouping, service: query.filters[.service], range: query.range, project: project)
            )
        } else if let chosen {
            report = try await context.analytics.experimentReport(ExperimentQuery(name: chosen, range: query.range, project: project, split: split))
        }
        let quality = Self.quality(try await qualityRead)
        let view = report.map { makeView($0, chips: chips, quality: quality) } ?? ExperimentsView(
            chips: chips, hasChips: !chips.isEmpty, quality: quality, hasQuality: !quality.isEmpty, hasExperiments: false, name: chosen, decision: "", decisionLabel: "", reason: "", scoreNames: [], variants: [],
            comparisons: [], sampleRatio: nil, mismatch: false, truncated: false, otlpEndpoint: context.otlpEndpoint,
            compareEmpty: compare.map { ($0 == "model" ? "a model call" : "a prompt version") + (query.filters[.service].map { " in \($0)" } ?? "") }
        )
        return RenderedPage(title: "Experiments", content: context.templates.render(view, "experiments"), live: false)
    }

    /// Each score's mean by latency bucket: is it good, and does it get worse when requests are slow?
    static func quality(_ report: QualityReport) -> [ExperimentsView.Quality] {
        report.overall.map { score in
            let latency = report.correlations.first { $0.name == score.name && $0.against == "latency" }
            return ExperimentsView.Quality(
                name: score.name, count: score.count, mean: String(format: "%.2f", score.mean),
                buckets: report.byLatency.filter { $0.name == score.name }.map {
                    ExperimentsView.Bucket(label: $0.group, count: $0.count, mean: String(format: "%.2f", $0.mean))
                },
                latency: latency.map {
                    String(format: "Spearman ρ %+.2f against latency (%@)", $0.spearman.rho, ExperimentComparison.pText($0.spearman.pValue))
                }
            )
        }
    }

    private func makeView(_ report: ExperimentReport, chips: [ExperimentsView.Chip], quality: [ExperimentsView.Quality]) -> ExperimentsView {
        let scoreNames = Set(report.variants.flatMap { $0.scores.keys }).sorted()
        let variants = report.variants.map { v in
            ExperimentsView.Variant(
                name: v.variant, isControl: v.variant == report.control, requests: DisplayFormat.count(Int64(v.requests)),
                units: DisplayFormat.count(Int64(v.units)), success: DisplayFormat.percent(v.successRate), errors: DisplayFormat.percent(v.errorRate),
                p50: DisplayFormat.duration(ms: v.latencyP50Ms), p95: DisplayFormat.duration(ms: v.latencyP95Ms),
                cost: String(format: "$%.5f", v.costPerRequestUSD),
                scores: scoreNames.map { name in v.scores[name].map { String(format: "%.2f (%d)", $0.mean, $0.count) } ?? "–" }
            )
        }
        let srm = report.sampleRatio.map { test in
            String(format: "Split check: chi-square %.2f, p = %@ — ", test.statistic, Self.p(test.pValue))
                + (test.isMismatch ? "the units per variant are off the intended split." : "units per variant match the intended split.")
        }
        return ExperimentsView(
            chips: chips, hasChips: !chips.isEmpty, quality: quality, hasQuality: !quality.isEmpty, hasExperiments: true, name: report.name, decision: report.recommendation.decision.rawValue,
            decisionLabel: Self.label(report.recommendation.decision), reason: report.recommendation.reason, scoreNames: scoreNames,
            variants: variants, comparisons: report.comparisons.map(comparison), sampleRatio: srm,
            mismatch: report.sampleRatio?.isMismatch ?? false, truncated: report.truncated, otlpEndpoint: context.otlpEndpoint,
            controlLabel: report.isObservational ? "baseline" : "control"
        )
    }

    private func comparison(_ c: ExperimentComparison) -> ExperimentsView.Comparison {
        var rows: [ExperimentsView.Row] = []
        if let s = c.successRate { rows.append(rate("success rate", s, higherIsBetter: true)) }
        if let e = c.errorRate { rows.append(rate("error rate", e, higherIsBetter: false)) }
        if let l = c.latencyMs {
            rows.append(mean("latency (mean)", l, higherIsBetter: false, format: { DisplayFormat.duration(ms: $0) }, signed: { Self.signedDuration($0) }))
        }
        if let cost = c.costPerRequestUSD {
            rows.append(mean("cost per request", cost, higherIsBetter: false, format: { String(format: "$%.5f", $0) }, signed: { String(format: "%+.5f", $0) }))
        }
        for (name, score) in c.scores.sorted(by: { $0.key < $1.key }) {
            rows.append(mean(name, score, higherIsBetter: true, format: { String(format: "%.3f", $0) }, signed: { String(format: "%+.3f", $0) }))
        }
        let power = c.power.map { p in
            (p.power.map { "Power for the observed difference: \(DisplayFormat.percent($0)). " } ?? "")
                + String(format: "The current sample detects a success-rate change of ±%.1f points.", p.minimumDetectableEffect * 100)
        }
        return ExperimentsView.Comparison(
            treatment: c.treatment, control: c.control, decision: c.verdict.decision.rawValue, decisionLabel: Self.label(c.verdict.decision),
            reason: c.verdict.reason, rows: rows, power: power
        )
    }

    private func rate(_ name: String, _ r: RateComparison, higherIsBetter: Bool) -> ExperimentsView.Row {
        ExperimentsView.Row(
            measure: name, control: DisplayFormat.percent(r.control), treatment: DisplayFormat.percent(r.treatment),
            difference: String(format: "%+.1f pts", r.difference * 100), interval: String(format: "%+.1f to %+.1f", r.lower * 100, r.upper * 100),
            p: Self.p(r.pValue), tone: Self.tone(significant: r.pValue < 0.05, up: r.difference > 0, higherIsBetter: higherIsBetter),
            test: r.test == .fisher ? "Fisher's exact" : "two-proportion z"
        )
    }

    private func mean(
        _ name: String, _ m: MeanComparison, higherIsBetter: Bool, format: (Double) -> String, signed: (Double) -> String
    ) -> ExperimentsView.Row {
        let significant = m.rankPValue.map { $0 < 0.05 } ?? (m.pValue < 0.05)
        let up = m.probabilityTreatmentHigher.map { $0 > 0.5 } ?? (m.difference > 0)
        return ExperimentsView.Row(
            measure: name, control: format(m.control), treatment: format(m.treatment), difference: signed(m.difference),
            interval: "\(signed(m.lower)) to \(signed(m.upper))",
            p: Self.p(m.pValue) + (m.rankPValue.map { " (ranks \(Self.p($0)))" } ?? ""),
            tone: Self.tone(significant: significant, up: up, higherIsBetter: higherIsBetter),
            test: m.rankPValue == nil ? "Welch's t" : "Welch's t, Mann-Whitney"
        )
    }

    static func tone(significant: Bool, up: Bool, higherIsBetter: Bool) -> String {
        guard significant else { return "same" }
        return up == higherIsBetter ? "better" : "worse"
    }

    static func signedDuration(_ ms: Double) -> String { (ms < 0 ? "−" : "+") + DisplayFormat.duration(ms: abs(ms)) }

    static func p(_ value: Double) -> String { ExperimentComparison.formatted(pValue: value) }

    static func label(_ decision: ExperimentVerdict.Decision) -> String {
        switch decision {
        case .shipTreatment: "Ship it"
        case .keepControl: "Keep the control"
        case .keepRunning: "Keep running"
        case .checkAssignment: "Check assignment"
        }
    }
}
