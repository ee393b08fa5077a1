import Loupe
import LoupeTesting
import Testing

struct SamplerTests {
    static let traceIDs: [TraceID] = {
        let generator = SeededIDGenerator(seed: 42)
        return (0..<10_000).map { _ in generator.makeTraceID() }
    }()

    @Test func alwaysOnAndAlwaysOffIgnoreTheTraceID() {
        for id in Self.traceIDs.prefix(100) {
            #expect(Sampler.alwaysOn.shouldSample(traceID: id, parent: nil))
            #expect(!Sampler.alwaysOff.shouldSample(traceID: id, parent: nil))
        }
    }

    @Test func ratioDecisionsAreDeterministicPerTraceID() {
        let first = Self.traceIDs.map { Sampler.ratio(0.25).shouldSample(traceID: $0, parent: nil) }
        let second = Self.traceIDs.map { Sampler.ratio(0.25).shouldSample(traceID: $0, parent: nil) }
        #expect(first == second)
    }

    @Test(arguments: [0.01, 0.1, 0.25, 0.5, 0.9])
    func ratioKeepsAboutThatShareOfTraces(_ ratio: Double) {
        let sampler = Sampler.ratio(ratio)
        let kept = Self.traceIDs.filter { sampler.shouldSample(traceID: $0, parent: nil) }.count
        let share = Double(kept) / Double(Self.traceIDs.count)
        #expect(abs(share - ratio) < 0.02, "kept \(share) for ratio \(ratio)")
    }

    @Test func lowerRatiosKeepASubsetOfHigherOnes() {
        let low = Sampler.ratio(0.1)
        let high = Sampler.ratio(0.3)
        for id in Self.traceIDs where low.shouldSample(traceID: id, parent: nil) {
            #expect(high.shouldSample(traceID: id, parent: nil))
        }
    }

    @Test func ratioReadsTheLow56BitsAgainstTheThreshold() {
        let half = Sampler.ratio(0.5)
        #expect(half.shouldSample(traceID: TraceID(high: 0, low: 0x0080_0000_0000_0000), parent: nil))
        #expect(!half.shouldSample(traceID: TraceID(high: 0, low: 0xFF7F_FFFF_FFFF_FFFF), parent: nil))
        #expect(Sampler.ratio(1).shouldSample(traceID: TraceID(high: 1, low: 0), parent: nil))
        #expect(!Sampler.ratio(0).shouldSample(traceID: TraceID(high: 0, low: .max), parent: nil))
        #expect(!Sampler.ratio(.nan).shouldSample(traceID: TraceID(high: 0, low: .max), parent: nil))
    }

    @Test func parentBasedFollowsTheParentAndAsksTheRootOtherwise() {
        let sampler = Sampler.parentBased(root: .alwaysOff)
        let id = TraceID(high: 1, low: 2)
        let sampledParent = SpanContext(traceID: id, spanID: SpanID(rawValue: 3), isSampled: true, isRemote: true)
        var unsampledParent = sampledParent
        unsampledParent.isSampled = false

        #expect(sampler.shouldSample(traceID: id, parent: sampledParent))
        #expect(!sampler.shouldSample(traceID: id, parent: unsampledParent))
        #expect(!sampler.shouldSample(traceID: id, parent: nil))
        #expect(Sampler.parentBased(root: .alwaysOn).shouldSample(traceID: id, parent: nil))
    }

    @Test func childrenOfASampledOutRootAreSampledOutToo() throws {
        let harness = Harness(sampler: .parentBased(root: .ratio(0)))

        harness.telemetry.withSpan("root") { _ in
            harness.telemetry.withSpan("child") { span in
                var headers: [String: String] = [:]
                TraceContextPropagator.inject(into: &headers)
                #expect(headers["traceparent"]?.hasSuffix("-00") == true)
                #expect(span.context?.isSampled == false)
            }
        }

        #expect(harness.recorder.finishedSpans.isEmpty)
        #expect(harness.recorder.events(named: "child.stop").count == 1)
    }
}
