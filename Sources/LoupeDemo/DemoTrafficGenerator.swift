import Foundation
import LoupeCore

/// Produces simulated pipeline traffic and hands it to a sender at a steady rate until cancelled.
public struct DemoTrafficGenerator: Sendable {
    /// Running totals, for the demo's live line.
    public struct Progress: Sendable {
        public var traces = 0
        public var spans = 0
        public var failedRequests = 0
        public var lastError: String?

        public init() {}
    }

    /// The demo's incidents, one after another, so each kind of anomaly shows within minutes: one
    /// user's runaway agent loop (a cost, token and latency spike), then a burst of rate limits,
    /// then a dip in traffic. The first starts once the baseline has ten minutes to judge by.
    public struct Incident: Sendable, Hashable {
        public var after: Duration
        /// How long the runaway loop lasts; the burst and the dip last five minutes each, ten
        /// minutes apart.
        public var lasting: Duration
        /// Extra traces per second of the runaway loop.
        public var tracesPerSecond: Double

        public init(after: Duration = .seconds(12 * 60), lasting: Duration = .seconds(8 * 60), tracesPerSecond: Double = 2) {
            self.after = after
            self.lasting = lasting
            self.tracesPerSecond = tracesPerSecond
        }

        func runaway(_ elapsed: Duration) -> Bool { elapsed >= after && elapsed < after + lasting }
        func burst(_ elapsed: Duration) -> Bool { elapsed >= after + .seconds(600) && elapsed < after + .seconds(900) }
        func dip(_ elapsed: Duration) -> Bool { elapsed >= after + .seconds(1_200) && elapsed < after + .seconds(1_500) }
    }

    public var tracesPerSecond: Double
    public var failureRate: Double
    public var seed: UInt64
    public var incident: Incident?

    public init(tracesPerSecond: Double = 20, failureRate: Double = 0.05, seed: UInt64 = 42, incident: Incident? = nil) {
        self.tracesPerSecond = tracesPerSecond
        self.failureRate = failureRate
        self.seed = seed
        self.incident = incident
    }

    /// `count` traces ending in the `spreadSeconds` before `nowNanos`; deterministic for a seed.
    /// The simulated knowledge base's article ids, stale ones included: an inventory for
    /// `loupe retrieval --inventory`.
    public static var knowledgeBaseIds: [String] { DemoTraceFactory.knowledgeBaseIds }

    public func traces(_ count: Int, nowNanos: Int64, spreadSeconds: Int64 = 0) -> [[RawSpan]] {
        var factory = DemoTraceFactory(random: DemoRandom(seed: seed), failureRate: failureRate)
        var spread = DemoRandom(seed: seed &+ 1)
        return (0..<count).map { _ in
            let offset = spreadSeconds > 0 ? Int64.random(in: 0..<spreadSeconds * 1_000_000_000, using: &spread) : 0
            return factory.makeTrace(endingBefore: nowNanos - offset)
        }
    }

    /// `count` traces of the incident's runaway loop ending in the `spreadSeconds` before `nowNanos`.
    public func runawayTraces(_ count: Int, nowNanos: Int64, spreadSeconds: Int64) -> [[RawSpan]] {
        var factory = DemoTraceFactory(random: DemoRandom(seed: seed &+ 2), failureRate: 0)
        var spread = DemoRandom(seed: seed &+ 3)
        return (0..<count).map { _ in
            factory.makeRunawayTrace(endingBefore: nowNanos - Int64.random(in: 0..<spreadSeconds * 1_000_000_000, using: &spread))
        }
    }

    /// Sends a batch every `interval` until the task is cancelled; `progress` is called after each send.
    public func run(
        sender: OTLPHTTPSender, feedback: ScoreHTTPSender? = nil, interval: Duration = .milliseconds(500),
        now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1e9) },
        progress: @Sendable (Progress) -> Void = { _ in }
    ) async {
        var factory = DemoTraceFactory(random: DemoRandom(seed: seed), failureRate: failureRate)
        var totals = Progress()
        let seconds = interval.seconds
        var owed = 0.0
        var owedRunaway = 0.0
        let started = ContinuousClock.now
        while !Task.isCancelled {
            let elapsed = ContinuousClock.now - started
            owed += tracesPerSecond * seconds * (incident?.dip(elapsed) == true ? 0.3 : 1)
            let count = Int(owed)
            owed -= Double(count)
            var runaway = 0
            if let incident, incident.runaway(elapsed) {
                owedRunaway += incident.tracesPerSecond * seconds
                runaway = Int(owedRunaway)
                owedRunaway -= Double(runaway)
            }
            factory.burst = incident?.burst(elapsed) == true ? (.rateLimit, 0.4) : nil
            if count + runaway > 0 {
                let traces = (0..<count).map { _ in factory.makeTrace(endingBefore: now()) }
                    + (0..<runaway).map { _ in factory.makeRunawayTrace(endingBefore: now()) }
                let spans = traces.flatMap { $0 }
                do {
                    try await sender.send(spans)
                    totals.traces += count + runaway
                    totals.spans += spans.count
                    // Feedback follows its answer, as a user's click does.
                    if let feedback { try await feedback.send(factory.feedback) }
                    factory.feedback.removeAll()
                } catch is CancellationError {
                    return
                } catch {
                    totals.failedRequests += 1
                    totals.lastError = String(describing: error)
                }
                progress(totals)
            }
            try? await Task.sleep(for: interval)
        }
    }
}
