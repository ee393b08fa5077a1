import LoupeCore

/// One change Loupe suggests: what to do, why, the numbers behind it, and what it would save.
public struct Recommendation: Sendable, Hashable {
    /// The kinds of change Loupe knows how to find, each from its own ``RecommendationAdvisor``.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case modelSelection = "model_selection"
        case retryCost = "retry_cost"
        case responseCache = "response_cache"
        case promptCache = "prompt_cache"
        case contextOverflow = "context_overflow"
        case contextTiny = "context_tiny"
        case truncatedCompletions = "truncated_completions"
        case oversizedMaxTokens = "oversized_max_tokens"
        case retrieval = "retrieval"
        case slowStage = "slow_stage"
        case rateLimits = "rate_limits"
        case warehouseSizing = "warehouse_sizing"

        /// The question the kind answers, for grouping on a page.
        public var area: String {
            switch self {
            case .modelSelection, .retryCost: return "model selection"
            case .responseCache, .promptCache: return "caching"
            case .contextOverflow, .contextTiny, .truncatedCompletions, .oversizedMaxTokens: return "tokens and limits"
            case .retrieval: return "chunking and retrieval"
            case .slowStage: return "slow stages"
            case .rateLimits, .warehouseSizing: return "scaling"
            }
        }
    }

    /// One number behind a recommendation, as a person reads it ("error rate", "2.1% vs 1.9%").
    public struct Evidence: Sendable, Hashable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public var kind: Kind
    /// What it is about: service, operation, provider, model, root operation…
    public var scope: [String: String]
    /// What to change, in one sentence.
    public var action: String
    /// Why, in one or two sentences with the deciding numbers.
    public var reason: String
    public var evidence: [Evidence]
    /// Trace ids that show the pattern, newest first.
    public var exampleTraces: [String]
    /// At the current rate, per 30 days; nil when the change saves time or failures, not money.
    public var monthlySavingUSD: Double?
    /// Milliseconds the change would take off the affected requests' p95; nil when not about latency.
    public var latencyGainMs: Double?
    /// 0 to 1: how much data the finding rests on and how clear the effect is.
    public var confidence: Double

    public init(
        kind: Kind, scope: [String: String], action: String, reason: String, evidence: [Evidence], exampleTraces: [String] = [],
        monthlySavingUSD: Double? = nil, latencyGainMs: Double? = nil, confidence: Double
    ) {
        self.kind = kind
        self.scope = scope
        self.action = action
        self.reason = reason
        self.evidence = evidence
        self.exampleTraces = exampleTraces
        self.monthlySavingUSD = monthlySavingUSD
        self.latencyGainMs = latencyGainMs
        self.confidence = min(1, max(0, confidence))
    }

    /// "high", "medium" or "low".
    public var confidenceLevel: String { confidence >= 0.8 ? "high" : confidence >= 0.5 ? "medium" : "low" }

    /// Confidence from how many observations a finding rests on: half at `half`, approaching 1
    /// with more, scaled by how clear the effect is (1 when unambiguous).
    public static func confidence(observations: Int64, half: Double, clarity: Double = 1) -> Double {
        let n = Double(max(0, observations))
        return n / (n + half) * min(1, max(0, clarity))
    }
}
