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

    public var tracesPerSecond: Double
    public var failureRate: Double
    public var seed: UInt64

    public init(tracesPerSecond: Double = 20, failureRate: Double = 0.05, seed: UInt64 = 42) {
        self.tracesPerSecond = tracesPerSecond
        self.failureRate = failureRate
        self.seed = seed
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
        while !Task.isCancelled {
            owed += tracesPerSecond * seconds
            let count = Int(owed)
            owed -= Double(count)
            if count > 0 {
                let traces = (0..<count).map { _ in factory.makeTrace(endingBefore: now()) }
                let spans = traces.flatMap { $0 }
                do {
                    try await sender.send(spans)
                    totals.traces += count
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
