import LoupeCore
import Testing

/// Costs are compared to a tenth of a nano-dollar: Double arithmetic, not the formula, is the only
/// source of difference.
private func approx(_ lhs: Double, _ rhs: Double) -> Bool {
    abs(lhs - rhs) <= 1e-12
}

@Suite struct CostCalculatorTests {
    let gpt4o = ModelPrice(
        provider: "openai", model: "gpt-4o", inputPerMillion: 2.5, outputPerMillion: 10, cachedInputPerMillion: 1.25,
        contextWindow: 128_000)
    let sonnet = ModelPrice(
        provider: "anthropic", model: "claude-3-5-sonnet", inputPerMillion: 3, outputPerMillion: 15,
        cachedInputPerMillion: 0.3, cacheWritePerMillion: 3.75, contextWindow: 200_000)
    let cortexLlama = ModelPrice(
        provider: "snowflake.cortex", model: "llama3.1-70b", unit: .credits, inputPerMillion: 1.21,
        outputPerMillion: 1.21)

    @Test func plainInputAndOutput() {
        // 1,000 × $2.50 + 500 × $10 = 2,500 + 5,000 = 7,500 per million → $0.0075
        let cost = CostCalculator().cost(of: TokenUsage(input: 1_000, output: 500), at: gpt4o)
        #expect(approx(cost, 0.0075))
    }

    @Test func cachedTokensAreBilledAtTheCachedPrice() {
        // input 10,000 of which 4,000 cached; output 2,000
        // 6,000 × 2.50 + 4,000 × 1.25 + 2,000 × 10 = 15,000 + 5,000 + 20,000 = 40,000 → $0.04
        let cost = CostCalculator().cost(of: TokenUsage(input: 10_000, output: 2_000, cacheRead: 4_000), at: gpt4o)
        #expect(approx(cost, 0.04))
    }

    @Test func cachedTokensFallBackToTheInputPrice() {
        // No cached price: all 10,000 input at $5, 2,000 output at $15
        // 10,000 × 5 + 2,000 × 15 = 50,000 + 30,000 = 80,000 → $0.08
        let launch = ModelPrice(provider: "openai", model: "gpt-4o", inputPerMillion: 5, outputPerMillion: 15)
        let cost = CostCalculator().cost(of: TokenUsage(input: 10_000, output: 2_000, cacheRead: 4_000), at: launch)
        #expect(approx(cost, 0.08))
    }

    @Test func cacheWritesAreBilledAtTheCacheWritePrice() {
        // input 5,000 = 1,000 uncached + 1,000 cache read + 3,000 cache write; output 500
        // 1,000 × 3 + 1,000 × 0.30 + 3,000 × 3.75 + 500 × 15 = 3,000 + 300 + 11,250 + 7,500 = 22,050 → $0.02205
        let usage = TokenUsage(input: 5_000, output: 500, cacheRead: 1_000, cacheWrite: 3_000)
        #expect(approx(CostCalculator().cost(of: usage, at: sonnet), 0.02205))
    }

    @Test func cacheWritesFallBackToTheInputPrice() {
        // gpt-4o has no cache-write price: input 3,000 = 1,000 uncached + 2,000 written, output 0
        // 1,000 × 2.50 + 2,000 × 2.50 = 7,500 → $0.0075
        let usage = TokenUsage(input: 3_000, output: 0, cacheWrite: 2_000)
        #expect(approx(CostCalculator().cost(of: usage, at: gpt4o), 0.0075))
    }

    @Test func uncachedInputNeverGoesNegative() {
        // Inconsistent telemetry: cache counts exceed input. Uncached is 0, not −3,000:
        // 0 × 3 + 2,000 × 0.30 + 2,000 × 3.75 = 600 + 7,500 = 8,100 → $0.0081
        let usage = TokenUsage(input: 1_000, output: 0, cacheRead: 2_000, cacheWrite: 2_000)
        #expect(approx(CostCalculator().cost(of: usage, at: sonnet), 0.0081))
    }

    @Test func reasoningTokensAreNotBilledTwice() {
        // reasoning is a subset of output: 1,000 × 2.50 + 3,000 × 10 = 32,500 → $0.0325
        let usage = TokenUsage(input: 1_000, output: 3_000, reasoning: 2_500)
        #expect(approx(CostCalculator().cost(of: usage, at: gpt4o), 0.0325))
    }

    @Test func outputIsDerivedFromTheTotalWhenMissing() {
        // total 1,500 − input 1,000 = 500 output: 1,000 × 2.50 + 500 × 10 = 7,500 → $0.0075
        let usage = TokenUsage(input: 1_000, total: 1_500)
        #expect(approx(CostCalculator().cost(of: usage, at: gpt4o), 0.0075))
    }

    @Test func unreportedOrNegativeCountsBillNothing() {
        #expect(CostCalculator().cost(of: .none, at: gpt4o) == 0)
        #expect(CostCalculator().cost(of: TokenUsage(input: -5, output: -1), at: gpt4o) == 0)
    }

    @Test(arguments: [(3.0, 0.4356), (2.0, 0.2904)])
    func cortexCreditsAreConvertedAtTheConfiguredPrice(creditPriceUSD: Double, expected: Double) {
        // (100,000 + 20,000) × 1.21 credits per million = 0.1452 credits
        // × $3.00 = $0.4356; × $2.00 = $0.2904
        let usage = TokenUsage(input: 100_000, output: 20_000)
        let cost = CostCalculator(creditPriceUSD: creditPriceUSD).cost(of: usage, at: cortexLlama)
        #expect(approx(cost, expected))
    }

    @Test func perRequestFeesAreAddedOncePerCall() {
        // Cohere Rerank: $2 per 1,000 searches = $0.002 per call, tokens free
        let rerank = ModelPrice(
            provider: "cohere", model: "rerank-v3.5", kind: .rerank, inputPerMillion: 0, outputPerMillion: 0,
            perRequest: 0.002)
        #expect(approx(CostCalculator().cost(of: TokenUsage(input: 40_000), at: rerank), 0.002))
    }

    @Test func utilisationIsInputOverTheContextWindow() {
        let calculator = CostCalculator()
        // 64,000 ÷ 128,000 = 0.5
        #expect(calculator.utilisation(inputTokens: 64_000, price: gpt4o) == 0.5)
        // 250,000 ÷ 200,000 = 1.25: not clamped, so an outdated window shows
        #expect(calculator.utilisation(inputTokens: 250_000, price: sonnet) == 1.25)
        #expect(calculator.utilisation(inputTokens: 1_000, price: cortexLlama) == nil)
    }
}
