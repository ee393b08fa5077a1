import LoupeCore
import LoupeStore

/// Seed 000's quality views: each score's mean overall, by service, model, prompt version and
/// business dimension, over time, and against latency and cost (does satisfaction drop when
/// requests are slow?).
public struct QualityReport: Sendable, Hashable {
    /// One score name's mean over a group of requests.
    public struct Mean: Sendable, Hashable {
        public var name: String
        /// The service, model, prompt version, dimension value, the step's first minute or the latency
        /// bucket, depending on the view.
        public var group: String
        public var count: Int
        public var mean: Double
    }

    /// How a score moves with latency or cost.
    public struct Correlation: Sendable, Hashable {
        public var name: String
        /// `latency` or `cost`.
        public var against: String
        public var spearman: SpearmanCorrelation
    }

    /// The latency buckets scores are put against, in milliseconds (the last open-ended).
    public static let latencyBuckets: [(label: String, upperMs: Double)] = [
        ("< 1 s", 1_000), ("1–2 s", 2_000), ("2–5 s", 5_000), ("5–10 s", 10_000), ("≥ 10 s", .infinity),
    ]

    public var range: TimeRange
    public var stepSeconds: Int64
    public var overall: [Mean]
    public var byService: [Mean]
    public var byModel: [Mean]
    public var byPromptVersion: [Mean]
    /// By each business dimension's values, by dimension name.
    public var byDimension: [String: [Mean]]
    public var overTime: [Mean]
    public var byLatency: [Mean]
    public var correlations: [Correlation]
    /// Whether more scores matched than were read (``ScoredRequestQuery/defaultLimit``).
    public var truncated: Bool

    init(range: TimeRange, stepSeconds: Int64, scored: [ScoredRequest], truncated: Bool) {
        self.range = range
        self.stepSeconds = stepSeconds
        self.truncated = truncated
        let step = stepSeconds * 1_000_000_000
        var overall: [String: SampleMoments] = [:], service: [[String]: SampleMoments] = [:]
        var time: [[String]: SampleMoments] = [:], latency: [[String]: SampleMoments] = [:]
        var model: [[String]: SampleMoments] = [:], prompt: [[String]: SampleMoments] = [:]
        var dimension: [String: [[String]: SampleMoments]] = [:]
        var pairs: [String: (latency: [Double], cost: [Double], value: [Double])] = [:]
        for s in scored {
            overall[s.name, default: SampleMoments()].add(s.value)
            service[[s.name, s.service], default: SampleMoments()].add(s.value)
            if let m = s.model { model[[s.name, m], default: SampleMoments()].add(s.value) }
            if let p = s.promptVersion { prompt[[s.name, p], default: SampleMoments()].add(s.value) }
            for (key, value) in s.dimensions { dimension[key, default: [:]][[s.name, value], default: SampleMoments()].add(s.value) }
            let stepStart = range.fromNanos + (s.startNanos - range.fromNanos) / step * step
            time[[s.name, String(stepStart / 60_000_000_000)], default: SampleMoments()].add(s.value)
            let bucket = Self.latencyBuckets.firstIndex { s.durationMs < $0.upperMs } ?? Self.latencyBuckets.count - 1
            latency[[s.name, String(bucket)], default: SampleMoments()].add(s.value)
            pairs[s.name, default: ([], [], [])].latency.append(s.durationMs)
            pairs[s.name, default: ([], [], [])].cost.append(s.costUSD)
            pairs[s.name, default: ([], [], [])].value.append(s.value)
        }
        func means(_ groups: [[String]: SampleMoments], label: (String) -> String = { $0 }) -> [Mean] {
            groups.map { Mean(name: $0.key[0], group: label($0.key[1]), count: $0.value.count, mean: $0.value.mean) }
        }
        self.overall = overall.map { Mean(name: $0.key, group: "", count: $0.value.count, mean: $0.value.mean) }.sorted { $0.name < $1.name }
        func mostScoredFirst(_ groups: [[String]: SampleMoments]) -> [Mean] {
            means(groups).sorted { ($0.name, $1.count, $0.group) < ($1.name, $0.count, $1.group) }
        }
        byService = mostScoredFirst(service)
        byModel = mostScoredFirst(model)
        byPromptVersion = mostScoredFirst(prompt)
        byDimension = dimension.mapValues(mostScoredFirst)
        overTime = means(time).sorted { ($0.name, Int64($0.group) ?? 0) < ($1.name, Int64($1.group) ?? 0) }
        byLatency = latency.map { key, moments in
            Mean(name: key[0], group: Self.latencyBuckets[Int(key[1]) ?? 0].label, count: moments.count, mean: moments.mean)
        }.sorted { ($0.name, Self.bucketIndex($0.group)) < ($1.name, Self.bucketIndex($1.group)) }
        correlations = pairs.keys.sorted().flatMap { name -> [Correlation] in
            let p = pairs[name]!
            return [("latency", p.latency), ("cost", p.cost)].compactMap { against, xs in
                SpearmanCorrelation(xs, p.value).map { Correlation(name: name, against: against, spearman: $0) }
            }
        }
    }

    static func bucketIndex(_ label: String) -> Int { latencyBuckets.firstIndex { $0.label == label } ?? 0 }
}
