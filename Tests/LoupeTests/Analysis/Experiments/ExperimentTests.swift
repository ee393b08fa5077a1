import Loupe
import LoupeTesting
import Testing

struct ExperimentTests {
    @Test func splitsUnitsByWeight() throws {
        let variants = [ExperimentVariant("control", weight: 5), .init("short", weight: 3), .init("long", weight: 2)]
        let experiment = try Experiment("rag-prompt-v2", variants: variants)

        var counts: [String: Int] = [:]
        for index in 0..<10_000 {
            counts[experiment.assign("user-\(index)").variant, default: 0] += 1
        }

        // Sequential ids, the hardest case for a weak hash; each share within 2 points of its weight.
        #expect(abs(Double(counts["control", default: 0]) / 10_000 - 0.5) < 0.02)
        #expect(abs(Double(counts["short", default: 0]) / 10_000 - 0.3) < 0.02)
        #expect(abs(Double(counts["long", default: 0]) / 10_000 - 0.2) < 0.02)
    }

    @Test func assignmentsAreStableAcrossProcessesAndLanguages() throws {
        let experiment = try Experiment("rag-prompt-v2", variants: [.init("control"), .init("v2")])

        // Computed independently (Python: FNV-1a 64 of salt + NUL + id, MurmurHash3 fmix64, top 53
        // bits); a change here would move live users between variants.
        #expect(Experiment.position(of: "user-1", salt: "rag-prompt-v2") == 0.1559608510594609)
        #expect(Experiment.position(of: "session-42", salt: "rag-prompt-v2") == 0.5858553596112045)
        #expect(experiment.assign("user-1").variant == "control")
        #expect(experiment.assign("session-42").variant == "v2")
        let again = try Experiment("rag-prompt-v2", variants: [.init("control"), .init("v2")])
        #expect((0..<1_000).allSatisfy { experiment.assign("user-\($0)") == again.assign("user-\($0)") })
    }

    @Test func theSaltReshufflesUnits() throws {
        let variants = [ExperimentVariant("a"), ExperimentVariant("b")]
        let first = try Experiment("checkout", variants: variants)
        let second = try Experiment("checkout", salt: "checkout-rerun", variants: variants)

        let moved = (0..<2_000).filter { first.assign("u\($0)").variant != second.assign("u\($0)").variant }.count
        // Independent 50/50 splits disagree on about half the units.
        #expect(abs(Double(moved) / 2_000 - 0.5) < 0.05)
        #expect(first.salt == "checkout")
    }

    @Test func zeroWeightVariantsGetNoUnits() throws {
        let experiment = try Experiment("ramp", variants: [.init("off", weight: 0), .init("on", weight: 1)])
        #expect((0..<1_000).allSatisfy { experiment.assign("u\($0)").variant == "on" })
    }

    @Test func rejectsInvalidDefinitions() {
        #expect(throws: ExperimentError.noVariants) { try Experiment("x", variants: []) }
        #expect(throws: ExperimentError.invalidWeight(variant: "b")) {
            try Experiment("x", variants: [.init("a"), .init("b", weight: -1)])
        }
        #expect(throws: ExperimentError.invalidWeight(variant: "a")) {
            try Experiment("x", variants: [.init("a", weight: .nan)])
        }
        #expect(throws: ExperimentError.invalidWeight(variant: "a")) {
            try Experiment("x", variants: [.init("a", weight: 0)])
        }
        #expect(throws: ExperimentError.duplicateVariant("a")) {
            try Experiment("x", variants: [.init("a"), .init("a")])
        }
    }

    @Test func recordsTheAssignmentOnSpans() async throws {
        let harness = Harness()
        let assignment = try Experiment("rag-prompt-v2", variants: [.init("control"), .init("v2")]).assign("session-42")

        await harness.telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o-mini")) { call in
            call.span.recordExperiment(assignment)
        }

        let stop = try #require(harness.only(EventName.llmCall.stop))
        #expect(stop.metadata[LoupeAttributes.experiment] == "rag-prompt-v2")
        #expect(stop.metadata[LoupeAttributes.experimentVariant] == "v2")
        #expect(stop.finishedSpan?.attributes[LoupeAttributes.experimentVariant] == "v2")
        #expect(
            assignment.attributes == [
                LoupeAttributes.experiment: "rag-prompt-v2", LoupeAttributes.experimentVariant: "v2",
            ])
    }
}
