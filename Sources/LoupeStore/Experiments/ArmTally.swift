import LoupeCore

/// Adds up one variant's requests one by one, for stores that hold their traces in memory.
struct ArmTally {
    var requests = 0
    var units: Set<String> = []
    var failed = 0
    var negativeFeedback = 0
    var unsuccessful = 0
    var latencies: [(start: Int64, ms: Double)] = []
    var cost = SampleMoments()
    var scores: [String: SampleMoments] = [:]

    mutating func add(_ trace: TraceSummary, scores given: [Score]) {
        requests += 1
        units.insert(trace.userId ?? trace.sessionId ?? trace.traceId)
        let negative = given.contains { $0.source == .userFeedback && $0.isNegative }
        if trace.errorCount > 0 { failed += 1 }
        if negative { negativeFeedback += 1 }
        if trace.errorCount > 0 || negative { unsuccessful += 1 }
        latencies.append((trace.startNanos, trace.durationMs))
        cost.add(trace.costUSD)
        for score in given {
            if let value = score.normalizedValue { scores[score.name, default: SampleMoments()].add(value) }
        }
    }

    func arm(variant: String, maxLatencies: Int) -> ExperimentArm {
        let newest = latencies.count > maxLatencies ? latencies.sorted { $0.start > $1.start }.prefix(maxLatencies).map(\.ms) : latencies.map(\.ms)
        return ExperimentArm(
            variant: variant, requests: requests, units: units.count, failed: failed, negativeFeedback: negativeFeedback,
            unsuccessful: unsuccessful, latenciesMs: newest.sorted(), cost: cost, scores: scores
        )
    }
}
