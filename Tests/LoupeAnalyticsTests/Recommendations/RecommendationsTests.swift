import Foundation
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeAnalytics

struct RecommendationsTests {
    typealias F = RecommendationFixture

    static func report(_ kinds: Set<Recommendation.Kind> = []) async throws -> RecommendationReport {
        let analytics = TelemetryAnalytics(store: try await F.store(), prices: try PriceCatalog.builtIn())
        // The whole fixture sampled (560 traces), so each expected value is arithmetic over all of it.
        return try await analytics.recommendations(RecommendationQuery(range: F.range, sampleTraces: 1_000, kinds: kinds))
    }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 1e-6 * max(1, abs(b)) } ?? false }

    @Test func anExpensiveModelWithAnEquallyGoodCheaperSiblingIsMovedAndAFlakyOneIsNot() async throws {
        let report = try await Self.report([.modelSelection])
        #expect(report.observedSeconds == 3_600)
        let moves = report.recommendations.map { "\($0.scope["service"]!):\($0.scope["model"]!)" }
        #expect(moves == ["rag:gpt-4o"])
        let r = try #require(report.recommendations.first)
        // 100 calls × (0.01 − 0.001) per hour, over 720 hours.
        #expect(Self.close(r.monthlySavingUSD, 100 * 0.009 * F.month))
        #expect(r.action.contains("to gpt-4o-mini") && r.evidence.contains { $0.label == "quality" })
        #expect(r.exampleTraces.count == 3)
    }

    @Test func aCheapModelFailingHalfItsCallsCostsMorePerGoodAnswer() async throws {
        let report = try await Self.report([.retryCost])
        #expect(report.recommendations.count == 1)
        let r = try #require(report.recommendations.first)
        #expect(r.scope["model"] == "flaky-mini" && r.action.contains("to gpt-4o"))
        // 100 calls × 0.006 over 50 successes = 0.012 a good answer, against 0.01: 0.002 × 50 an hour.
        #expect(Self.close(r.monthlySavingUSD, 0.002 * 50 * F.month))
        // Half the calls are retried: half a call's time (1 s) per call.
        #expect(Self.close(r.latencyGainMs, 500))
    }

    @Test func rateLimitRefusalsPointAtSpreadingLoad() async throws {
        let r = try #require(try await Self.report([.rateLimits]).recommendations.first)
        #expect(r.scope == ["provider": "openai", "model": "gpt-4.1"])
        #expect(r.evidence.contains { $0.value == "15 of 100" })
        #expect(r.action.hasPrefix("Spread gpt-4.1 load"))
    }

    @Test func repeatedPromptsAreCachedPerServiceWithTheirModelsShareOfCost() async throws {
        let report = try await Self.report([.responseCache])
        // summ's prompts are all distinct; rag's gpt-4o repeats 90 of its 100.
        #expect(report.recommendations.map { $0.scope["service"] } == ["rag"])
        let r = try #require(report.recommendations.first)
        #expect(Self.close(r.monthlySavingUSD, 1.0 * 0.9 * F.month))
        #expect(r.evidence.contains { $0.value == "90 of 200 sampled calls" })
    }

    @Test func aSharedLongPrefixWithoutCachedTokensAsksForPromptCaching() async throws {
        let r = try #require(try await Self.report([.promptCache]).recommendations.first)
        #expect(r.scope["model"] == "claude-3-5-haiku")
        // 40 calls an hour × 1,024 tokens × ($0.80 − $0.08) per million.
        #expect(Self.close(r.monthlySavingUSD, 40 * 1_024 * 0.72 / 1_000_000 * F.month))
    }

    @Test func fullWindowsAndCutOffAnswersAreFound() async throws {
        let report = try await Self.report([.contextOverflow, .truncatedCompletions])
        let overflow = try #require(report.recommendations.first { $0.kind == .contextOverflow })
        #expect(overflow.scope["model"] == "claude-3-5-haiku")
        // Four calls 10,000 tokens over 90% of 200,000, at $0.80 per million.
        #expect(Self.close(overflow.monthlySavingUSD, 40_000 * 0.8 / 1_000_000 * F.month))
        let cut = try #require(report.recommendations.first { $0.kind == .truncatedCompletions })
        // A tenth of haiku's $0.20.
        #expect(Self.close(cut.monthlySavingUSD, 0.2 * 0.1 * F.month))
    }

    @Test func aMaxTokensFarAboveTheOutputIsLowered() async throws {
        let report = try await Self.report([.oversizedMaxTokens])
        #expect(Set(report.recommendations.map { $0.scope["model"] }) == ["gpt-4o", "gpt-4o-mini"])
        // Outputs 100…298: p99 296, × 1.5 rounded up to 64 tokens.
        #expect(report.recommendations.allSatisfy { $0.action.hasSuffix("from 4096 to about 448") })
    }

    @Test func lowScoringDocumentsAndTheDominantStageAreNamed() async throws {
        let report = try await Self.report([.retrieval, .slowStage, .contextTiny])
        let retrieval = try #require(report.recommendations.first { $0.kind == .retrieval })
        #expect(retrieval.scope == ["service": "rag"] && retrieval.evidence.contains { $0.value == "600 of 800" })
        let slow = report.recommendations.filter { $0.kind == .slowStage }
        #expect(slow.count == 5 && slow.allSatisfy { $0.scope["stage"] == "llm" })
        let rag = try #require(slow.first { $0.scope["service"] == "rag" })
        // The slowest 5% of rag requests (1.06 s) spend 1 s in the model call: half of it freed.
        #expect(Self.close(rag.latencyGainMs, 500))
        // 1,000 input tokens of a 128k window, after a retrieval.
        #expect(Set(report.recommendations.filter { $0.kind == .contextTiny }.map { $0.scope["model"] }) == ["gpt-4o", "gpt-4o-mini"])
    }

    @Test func cortexOnALargeWarehouseIsSizedDown() async throws {
        let r = try #require(try await Self.report([.warehouseSizing]).recommendations.first)
        #expect(r.scope["warehouse_size"] == "LARGE")
        // 20 × 3.6 s = 0.02 h × (8 − 4) credits × $3, the default credit price, or the server's.
        #expect(Self.close(r.monthlySavingUSD, 0.02 * 4 * 3 * F.month))
        let analytics = TelemetryAnalytics(store: try await F.store(), prices: try PriceCatalog.builtIn(), creditPriceUSD: 2)
        let priced = try await analytics.recommendations(RecommendationQuery(range: F.range, sampleTraces: 1_000, kinds: [.warehouseSizing]))
        #expect(Self.close(priced.recommendations.first?.monthlySavingUSD, 0.02 * 4 * 2 * F.month))
    }

    @Test func theReportListsMoneyFirstAndAnEmptyStoreRecommendsNothing() async throws {
        let report = try await Self.report()
        let savings = report.recommendations.compactMap(\.monthlySavingUSD)
        #expect(savings == savings.sorted(by: >) && savings.count >= 8)
        #expect(Set(report.recommendations.map(\.kind)) == Set(Recommendation.Kind.allCases))
        let empty = try await TelemetryAnalytics(store: InMemoryTelemetryStore()).recommendations(RecommendationQuery(range: F.range))
        #expect(empty.recommendations.isEmpty && empty.observedSeconds == 0)
    }
}
