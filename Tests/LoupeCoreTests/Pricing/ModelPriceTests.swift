import Foundation
import LoupeCore
import Testing

@Suite struct ModelPriceTests {
    @Test func effectiveFromConvertsToUnixNanos() {
        // 2024-08-06T00:00:00Z = 1,722,902,400 s
        let price = ModelPrice(provider: "openai", model: "gpt-4o", inputPerMillion: 1, outputPerMillion: 1, effectiveFrom: "2024-08-06")
        #expect(price.effectiveFromUnixNanos == Int64(1_722_902_400) * 1_000_000_000)
        #expect(ModelPrice(provider: "a", model: "b", inputPerMillion: 1, outputPerMillion: 1).effectiveFromUnixNanos == 0)
    }

    @Test func decodesWithTheFileFormatsDefaults() throws {
        let json = #"{"provider": "acme", "model": "acme-chat", "inputPerMillion": 1, "outputPerMillion": 2}"#
        let price = try JSONDecoder().decode(ModelPrice.self, from: Data(json.utf8))
        #expect(price.aliases.isEmpty)
        #expect(price.unit == .usd)
        #expect(price.effectiveFrom == ModelPrice.beginningOfTime)
        #expect(price.cachedInputPerMillion == nil)
    }

    @Test func encodesToTheFileFormat() throws {
        let price = ModelPrice(
            provider: "snowflake.cortex", model: "llama3.1-70b", kind: .chat, unit: .credits, inputPerMillion: 1.21,
            outputPerMillion: 1.21, contextWindow: 128_000, effectiveFrom: "2024-07-23")
        let decoded = try JSONDecoder().decode(ModelPrice.self, from: JSONEncoder().encode(price))
        #expect(decoded == price)
        let catalog = try PriceCatalog(jsonData: Data(#"{"models": ["#.utf8) + JSONEncoder().encode(price) + Data("]}".utf8))
        #expect(catalog.entries == [price])
    }
}
