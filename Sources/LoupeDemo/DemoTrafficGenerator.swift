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

    /// A stretch of the run in which one user's runaway agent loop adds expensive traffic, so there
    /// is an anomaly to find and explain.
    public struct Incident: Sendable, Hashable {
        /// When it starts and how long it lasts, from the start of the run: long enough after it
        /// that the baseline has ten minutes of normal traffic to judge by.
        public var after: Duration
        public var lasting: Duration
        /// Extra traces per second while it lasts.
        public var tracesPerSecond: Double

        public init(after: Duration = .seconds(12 * 60), lasting: Duration = .seconds(8 * 60), tracesPerSecond: Double = 2) {
            self.after = after
            self.lasting = lasting
            self.tracesPerSecond = tracesPerSecond
        }

        /// Whether the run is inside the incident `elapsed` after it started.
        func contains(_ elapsed: Duration) -> Bool { elapsed >= after && elapsed < after + lasting }
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
        sender: OTLPHTTPSender, interval: Duration = .milliseconds(500),
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
            owed += tracesPerSecond * seconds
            let count = Int(owed)
            owed -= Double(count)
            var runaway = 0
            if let incident, incident.contains(ContinuousClock.now - started) {
                owedRunaway += incident.tracesPerSecond * seconds
                runaway = Int(owedRunaway)
                owedRunaway -= Double(runaway)
            }
            if count + runaway > 0 {
                let traces = (0..<count).map { _ in factory.makeTrace(endingBefore: now()) }
                    + (0..<runaway).map { _ in factory.makeRunawayTrace(endingBefore: now()) }
                let spans = traces.flatMap { $0 }
                do {
                    try await sender.send(spans)
                    totals.traces += count + runaway
                    totals.spans += spans.count
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
