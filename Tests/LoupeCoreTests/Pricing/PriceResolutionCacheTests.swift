@testable import LoupeCore
import Testing

@Suite struct PriceResolutionCacheTests {
    @Test func remembersResolutionsIncludingMisses() {
        let cache = PriceResolutionCache()
        let hit = PriceResolutionCache.Key(provider: "openai", model: "gpt-4o")
        let miss = PriceResolutionCache.Key(provider: nil, model: "unknown")
        cache.store(3, for: hit)
        cache.store(-1, for: miss)
        #expect(cache.value(for: hit) == 3)
        #expect(cache.value(for: miss) == -1)
        #expect(cache.value(for: .init(provider: nil, model: "gpt-4o")) == nil)
    }

    @Test func staysBoundedWhateverNamesArrive() {
        // Model names come from untrusted telemetry; a flood of distinct names must not grow memory.
        let cache = PriceResolutionCache(capacity: 100)
        for number in 0..<1_000 {
            cache.store(number, for: .init(provider: nil, model: "model-\(number)"))
        }
        #expect(cache.count <= 100)
        #expect(cache.value(for: .init(provider: nil, model: "model-999")) == 999)
    }
}
