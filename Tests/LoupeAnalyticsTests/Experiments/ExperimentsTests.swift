import Foundation
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeAnalytics

/// Experiments whose right answer is known by construction; the success-rate test's expected values
/// come from LoupeCoreTests/Statistics/References/inference_reference.py (statsmodels).
struct ExperimentsTests {
    static let start: Int64 = 1_764_590_400_000_000_000
    static let second: Int64 = 1_000_000_000
    static let range = TimeRange(fromNanos: start, toNanos: start + 3_600 * second)

    struct Arm {
        var variant: String
        var requests: Int
        var failures: Int
        var latencyMs: Int64
        var cost: Double
        var experiment = "answer-model"
        var users: Int? = nil
    }

    static func store(_ arms: [Arm]) async throws -> InMemoryTelemetryStore {
        let store = InMemoryTelemetryStore()
        var spans: [SpanRecord] = []
        var n = 0
        for arm in arms {
            for i in 0..<arm.requests {
                n += 1
                let t0 = start + Int64(n) * 100_000_000
                spans.append(SpanRecord(
                    traceId: String(format: "%032x", n), spanId: String(format: "%016x", n), project: "acme", service: "rag",
                    name: "chat", operation: .llm, startNanos: t0, endNanos: t0 + arm.latencyMs * 1_000_000,
                    status: i < arm.failures ? .error : .ok, requestModel: "model-\(arm.variant)", countsUsage: true, costUSD: arm.cost,
                    userId: "\(arm.variant)-user-\(arm.users.map { i % $0 } ?? i)",
                    attributes: ["loupe.experiment": .string(arm.experiment), "loupe.experiment.variant": .string(arm.variant)]
                ))
            }
        }
        _ = try await store.write(spans)
        return store
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(b)) }

    @Test func aCheaperMoreReliableTreatmentShips() async throws {
        let store = try await Self.store([
            Arm(variant: "control", requests: 500, failures: 60, latencyMs: 1_000, cost: 0.002),
            Arm(variant: "mini", requests: 500, failures: 25, latencyMs: 800, cost: 0.001),
        ])
        let analytics = TelemetryAnalytics(store: store)
        let report = try #require(try await analytics.experimentReport(ExperimentQuery(name: "answer-model", range: Self.range)))
        #expect(report.control == "control")
        #expect(report.variants.map(\.requests) == [500, 500])
        #expect(report.variants.map(\.units) == [500, 500])
        #expect(report.variants[0].errorRate == 0.12 && report.variants[1].successRate == 0.95)
        #expect(report.variants[1].latencyP95Ms == 800 && Self.close(report.variants[0].costPerRequestUSD, 0.002))
        let comparison = try #require(report.comparisons.first)
        let success = try #require(comparison.successRate)
        #expect(success.test == .zTest)
        #expect(Self.close(success.difference, 0.07))
        #expect(Self.close(success.pValue, 7.226644697481477e-05))
        #expect(Self.close(success.lower, 0.03570343033339128) && Self.close(success.upper, 0.10429656966660862))
        #expect(comparison.costPerRequestUSD == nil)  // no variance on either side: nothing to test
        #expect(comparison.latencyMs == nil)
        #expect(comparison.verdict.decision == .shipTreatment)
        #expect(report.recommendation.decision == .shipTreatment)
        #expect(report.recommendation.reason.hasPrefix("Ship mini."))
        #expect(try #require(report.sampleRatio).pValue == 1)
        let list = try await analytics.experiments(Self.range)
        #expect(list.map(\.name) == ["answer-model"] && list[0].requests == ["control": 500, "mini": 500])
    }

    @Test func modelsAreComparedWithoutAnExperimentAsAnObservation() async throws {
        let arms = [
            Arm(variant: "mini", requests: 200, failures: 10, latencyMs: 800, cost: 0.001),
            Arm(variant: "large", requests: 600, failures: 72, latencyMs: 1_000, cost: 0.002),
        ]
        let analytics = TelemetryAnalytics(store: try await Self.store(arms))
        let query = ExperimentQuery.comparing(.model, service: "rag", range: Self.range)
        #expect(query.name == "model in rag" && !query.isDeclaredExperiment)
        let report = try #require(try await analytics.experimentReport(query))
        // The incumbent (most requests) is the baseline; an uneven split is no mismatch here.
        #expect(report.control == "model-large" && report.isObservational)
        #expect(report.sampleRatio == nil && report.split.isEmpty)
        #expect(report.variants.map(\.requests) == [600, 200])
        #expect(report.recommendation.reason.contains("Observational"))
        let declared = try #require(try await analytics.experimentReport(ExperimentQuery(name: "answer-model", range: Self.range)))
        // The same requests as an experiment: the same comparison of success rates.
        #expect(declared.comparisons[0].successRate?.pValue == report.comparisons[0].successRate?.pValue)
        #expect(try await analytics.experimentReport(ExperimentQuery.comparing(.model, service: "elsewhere", range: Self.range)) == nil)
    }

    @Test func anUnevenSplitStopsTheExperimentBeforeAnyVerdict() async throws {
        let store = try await Self.store([
            Arm(variant: "a", requests: 600, failures: 60, latencyMs: 1_000, cost: 0.002),
            Arm(variant: "b", requests: 400, failures: 10, latencyMs: 1_000, cost: 0.002),
        ])
        let report = try #require(try await TelemetryAnalytics(store: store).experimentReport(ExperimentQuery(name: "answer-model", range: Self.range)))
        #expect(report.control == "a")
        #expect(try #require(report.sampleRatio).isMismatch)
        #expect(report.recommendation.decision == .checkAssignment)
        // The same counts are the intended split when it is 60/40.
        let planned = try #require(try await TelemetryAnalytics(store: store).experimentReport(
            ExperimentQuery(name: "answer-model", range: Self.range, split: ["a": 60, "b": 40])
        ))
        #expect(try #require(planned.sampleRatio).pValue > 0.99)
        #expect(planned.recommendation.decision == .shipTreatment)
    }

    @Test func tooFewRequestsOrNoDifferenceKeepsItRunning() async throws {
        let few = try await Self.store([
            Arm(variant: "x", requests: 10, failures: 1, latencyMs: 900, cost: 0.001),
            Arm(variant: "y", requests: 10, failures: 0, latencyMs: 800, cost: 0.001),
        ])
        let small = try #require(try await TelemetryAnalytics(store: few).experimentReport(ExperimentQuery(name: "answer-model", range: Self.range, control: "y")))
        #expect(small.control == "y")
        #expect(small.recommendation.decision == .keepRunning)
        #expect(small.recommendation.moreRequests == 40)

        let even = try await Self.store([
            Arm(variant: "control", requests: 300, failures: 30, latencyMs: 1_000, cost: 0.002),
            Arm(variant: "v2", requests: 300, failures: 24, latencyMs: 1_000, cost: 0.002),
        ])
        let report = try #require(try await TelemetryAnalytics(store: even).experimentReport(ExperimentQuery(name: "answer-model", range: Self.range)))
        let comparison = try #require(report.comparisons.first)
        let success = try #require(comparison.successRate)
        #expect(success.pValue > 0.05)
        #expect(report.recommendation.decision == .keepRunning)
        // Detecting +2 points at 80% power needs the sample the power analysis asks for.
        let power = try #require(comparison.power)
        #expect(report.recommendation.moreRequests == power.moreUnits(than: 600))
        #expect(try #require(report.recommendation.moreRequests) > 3_000)
        #expect(try await TelemetryAnalytics(store: even).experimentReport(ExperimentQuery(name: "unknown", range: Self.range)) == nil)
    }

    @Test func negativeFeedbackCountsAgainstSuccessAndScoresAreCompared() async throws {
        let store = try await Self.store([
            Arm(variant: "control", requests: 200, failures: 0, latencyMs: 1_000, cost: 0.002),
            Arm(variant: "v2", requests: 200, failures: 0, latencyMs: 1_000, cost: 0.002),
        ])
        // Traces 1–200 are control, 201–400 v2. Thumbs down on 40 of v2's answers, up on the rest,
        // and up on every control answer; one star rating per answer through its session-less trace.
        var scores: [Score] = []
        for n in 1...400 {
            let down = n > 200 && n <= 240
            scores.append(Score(
                id: "thumb-\(n)", project: "acme", target: .trace(traceId: String(format: "%032x", n)), name: "thumbs",
                value: .boolean(!down), source: .userFeedback, timestampNanos: Self.start + Int64(n) * Self.second
            ))
            scores.append(Score(
                id: "stars-\(n)", project: "acme", target: .trace(traceId: String(format: "%032x", n)), name: "stars",
                value: .numeric(n <= 200 ? Double(3 + n % 3) : Double(2 + n % 3)), range: 1...5, source: .evaluator,
                timestampNanos: Self.start + Int64(n) * Self.second
            ))
        }
        try await store.writeScores(scores)
        let report = try #require(try await TelemetryAnalytics(store: store).experimentReport(ExperimentQuery(name: "answer-model", range: Self.range)))
        #expect(report.variants[1].negativeFeedback == 40 && report.variants[1].successes == 160)
        #expect(report.variants[0].successes == 200)
        let comparison = try #require(report.comparisons.first)
        #expect(Self.close(try #require(comparison.successRate).difference, -0.2))
        let stars = try #require(comparison.scores["stars"])
        // Stars 3 + n % 3 (mean 4.005 over n = 1…200) against 2 + n % 3 (mean 2.995 over 201…400),
        // on a 1…5 scale: 1.01 stars, or 0.2525 of the scale, lower.
        #expect(Self.close(stars.difference, -0.2525))
        #expect(stars.pValue < 0.001)
        #expect(report.recommendation.decision == .keepControl)
    }
}
