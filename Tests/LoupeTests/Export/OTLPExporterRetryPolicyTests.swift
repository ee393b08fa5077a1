import Loupe
import Testing

struct OTLPExporterRetryPolicyTests {
    /// Always returns the same value: the jitter bounds are tested at both ends.
    struct FixedGenerator: RandomNumberGenerator {
        var value: UInt64
        mutating func next() -> UInt64 { value }
    }

    @Test func withoutJitterTheBackoffDoublesUpToTheCap() {
        let policy = OTLPExporter.RetryPolicy(initialBackoff: .seconds(1), maxBackoff: .seconds(5), jitter: 0)
        var generator = SystemRandomNumberGenerator()
        let waits = (1...5).map { policy.backoff(beforeRetry: $0, using: &generator) }
        #expect(waits == [.seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5)])
    }

    @Test(arguments: [UInt64.min, .max])
    func jitterStaysWithinItsFraction(random: UInt64) {
        let policy = OTLPExporter.RetryPolicy(initialBackoff: .seconds(2), maxBackoff: .seconds(60), jitter: 0.25)
        var generator = FixedGenerator(value: random)
        let wait = policy.backoff(beforeRetry: 2, using: &generator)
        #expect(wait >= .seconds(3) && wait <= .seconds(5))
    }
}
