import Hummingbird
import LoupeAnalytics
import LoupeCore

/// `GET /api/v1/experiments`: experiments active in the range, most recent first.
struct ExperimentListBody: ResponseEncodable, Sendable {
    struct Item: Encodable, Sendable {
        var name: String
        var requests: [String: Int64]
        var totalRequests: Int64
        var firstSeen: String
        var lastSeen: String

        enum CodingKeys: String, CodingKey {
            case name, requests
            case totalRequests = "total_requests", firstSeen = "first_seen", lastSeen = "last_seen"
        }
    }

    var from: String
    var to: String
    var experiments: [Item]

    init(range: TimeRange, _ experiments: [ExperimentSummary]) {
        from = Timestamps.format(nanos: range.fromNanos)
        to = Timestamps.format(nanos: range.toNanos)
        self.experiments = experiments.map {
            Item(
                name: $0.name, requests: $0.requests, totalRequests: $0.totalRequests, firstSeen: Timestamps.format(nanos: $0.firstNanos),
                lastSeen: Timestamps.format(nanos: $0.lastNanos)
            )
        }
    }
}

/// `GET /api/v1/experiments/{name}`: every variant, every treatment against the control, and what to do.
struct ExperimentReportBody: ResponseEncodable, Sendable {
    struct Verdict: Encodable, Sendable {
        var decision: String
        var reason: String
        var moreRequests: Nullable<Int>

        enum CodingKeys: String, CodingKey { case decision, reason, moreRequests = "more_requests" }

        init(_ v: ExperimentVerdict) {
            decision = v.decision.rawValue
            reason = v.reason
            moreRequests = Nullable(v.moreRequests)
        }
    }

    struct Variant: Encodable, Sendable {
        struct Latency: Encodable, Sendable { var mean, p50, p95, p99: Double }
        struct ScoreMean: Encodable, Sendable { var mean: Double; var count: Int }
        var variant: String
        var requests: Int
        var units: Int
        var successRate: Double
        var errorRate: Double
        var negativeFeedback: Int
        var latencyMs: Latency
        var costPerRequestUSD: Double
        var scores: [String: ScoreMean]

        enum CodingKeys: String, CodingKey {
            case variant, requests, units, scores
            case successRate = "success_rate", errorRate = "error_rate", negativeFeedback = "negative_feedback"
            case latencyMs = "latency_ms", costPerRequestUSD = "cost_per_request_usd"
        }

        init(_ v: ExperimentVariantStats) {
            variant = v.variant
            requests = v.requests
            units = v.units
            successRate = v.successRate
            errorRate = v.errorRate
            negativeFeedback = v.negativeFeedback
            latencyMs = Latency(mean: v.latencyMeanMs, p50: v.latencyP50Ms, p95: v.latencyP95Ms, p99: v.latencyP99Ms)
            costPerRequestUSD = v.costPerRequestUSD
            scores = v.scores.mapValues { ScoreMean(mean: $0.mean, count: $0.count) }
        }
    }

    /// A difference with its interval and test, whatever was compared.
    struct Difference: Encodable, Sendable {
        var control: Double
        var treatment: Double
        var difference: Double
        var relativeDifference: Nullable<Double>
        var confidenceInterval: [Double]
        var pValue: Double
        var test: String
        var rankPValue: Double?
        var probabilityTreatmentHigher: Double?

        enum CodingKeys: String, CodingKey {
            case control, treatment, difference, test
            case relativeDifference = "relative_difference", confidenceInterval = "confidence_interval", pValue = "p_value"
            case rankPValue = "mann_whitney_p_value", probabilityTreatmentHigher = "probability_treatment_higher"
        }

        init(_ r: RateComparison) {
            (control, treatment, difference) = (r.control, r.treatment, r.difference)
            relativeDifference = Nullable(r.relativeDifference)
            confidenceInterval = [r.lower, r.upper]
            pValue = r.pValue
            test = r.test.rawValue
        }

        init(_ m: MeanComparison) {
            (control, treatment, difference) = (m.control, m.treatment, m.difference)
            relativeDifference = Nullable(m.relativeDifference)
            confidenceInterval = [m.lower, m.upper]
            pValue = m.pValue
            test = "welch_t"
            rankPValue = m.rankPValue
            probabilityTreatmentHigher = m.probabilityTreatmentHigher
        }
    }

    struct Power: Encodable, Sendable {
        var power: Nullable<Double>
        var minimumDetectableEffect: Double
        var requestsNeeded: Nullable<Int>

        enum CodingKeys: String, CodingKey {
            case power, minimumDetectableEffect = "minimum_detectable_effect", requestsNeeded = "requests_needed"
        }
    }

    struct Comparison: Encodable, Sendable {
        var control: String
        var treatment: String
        var successRate: Nullable<Difference>
        var errorRate: Nullable<Difference>
        var latencyMs: Nullable<Difference>
        var costPerRequestUSD: Nullable<Difference>
        var scores: [String: Difference]
        var power: Nullable<Power>
        var verdict: Verdict

        enum CodingKeys: String, CodingKey {
            case control, treatment, scores, power, verdict
            case successRate = "success_rate", errorRate = "error_rate", latencyMs = "latency_ms", costPerRequestUSD = "cost_per_request_usd"
        }

        init(_ c: ExperimentComparison) {
            control = c.control
            treatment = c.treatment
            successRate = Nullable(c.successRate.map(Difference.init))
            errorRate = Nullable(c.errorRate.map(Difference.init))
            latencyMs = Nullable(c.latencyMs.map(Difference.init))
            costPerRequestUSD = Nullable(c.costPerRequestUSD.map(Difference.init))
            scores = c.scores.mapValues(Difference.init)
            power = Nullable(c.power.map {
                Power(power: Nullable($0.power), minimumDetectableEffect: $0.minimumDetectableEffect, requestsNeeded: Nullable($0.unitsNeeded))
            })
            verdict = Verdict(c.verdict)
        }
    }

    struct SampleRatio: Encodable, Sendable {
        var chiSquare: Double
        var pValue: Double
        var mismatch: Bool
        var expectedUnits: [String: Double]

        enum CodingKeys: String, CodingKey {
            case mismatch, chiSquare = "chi_square", pValue = "p_value", expectedUnits = "expected_units"
        }
    }

    var name: String
    var from: String
    var to: String
    var control: String
    var split: [String: Double]
    var variants: [Variant]
    var comparisons: [Comparison]
    var sampleRatio: Nullable<SampleRatio>
    var recommendation: Verdict
    var truncated: Bool
    var observational: Bool

    enum CodingKeys: String, CodingKey {
        case name, from, to, control, split, variants, comparisons, recommendation, truncated, observational
        case sampleRatio = "sample_ratio"
    }

    init(_ r: ExperimentReport) {
        name = r.name
        from = Timestamps.format(nanos: r.range.fromNanos)
        to = Timestamps.format(nanos: r.range.toNanos)
        control = r.control
        observational = r.isObservational
        split = r.split
        variants = r.variants.map(Variant.init)
        comparisons = r.comparisons.map(Comparison.init)
        sampleRatio = Nullable(r.sampleRatio.map { test in
            SampleRatio(
                chiSquare: test.statistic, pValue: test.pValue, mismatch: test.isMismatch,
                expectedUnits: Dictionary(uniqueKeysWithValues: zip(r.variants.map(\.variant), test.expected))
            )
        })
        recommendation = Verdict(r.recommendation)
        truncated = r.truncated
    }
}
