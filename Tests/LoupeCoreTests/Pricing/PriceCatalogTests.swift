import Foundation
import LoupeCore
import Testing

/// Midnight UTC of `day` plus `seconds`, in Unix nanoseconds, computed with Foundation so these
/// tests do not lean on the catalog's own date arithmetic.
func nanos(_ day: String, plusSeconds seconds: Int64 = 0) -> Int64 {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    formatter.timeZone = TimeZone(identifier: "UTC")
    guard let date = formatter.date(from: day) else { return Int64.min }
    return (Int64(date.timeIntervalSince1970) + seconds) * 1_000_000_000
}

private let now = nanos("2026-11-01")

/// A small catalog whose every rule is visible in the test file.
private func smallCatalog() throws -> PriceCatalog {
    try PriceCatalog(
        jsonData: Data(
            """
            {"format": 1, "pricesCheckedOn": "2026-11", "models": [
              {"provider": "openai", "model": "gpt-4o", "inputPerMillion": 5, "outputPerMillion": 15, "effectiveFrom": "2024-05-13"},
              {"provider": "openai", "model": "gpt-4o", "inputPerMillion": 2.5, "outputPerMillion": 10, "cachedInputPerMillion": 1.25, "effectiveFrom": "2024-08-06"},
              {"provider": "openai", "model": "gpt-4o-2024-05-13", "inputPerMillion": 5, "outputPerMillion": 15, "effectiveFrom": "2024-05-13"},
              {"provider": "anthropic", "model": "claude-3-5-sonnet", "aliases": ["claude-3.5-sonnet"], "inputPerMillion": 3, "outputPerMillion": 15},
              {"provider": "snowflake.cortex", "model": "claude-3-5-sonnet", "unit": "credits", "inputPerMillion": 2.55, "outputPerMillion": 2.55},
              {"provider": "snowflake.cortex", "model": "llama3.1-70b", "unit": "credits", "inputPerMillion": 1.21, "outputPerMillion": 1.21}
            ]}
            """.utf8))
}

@Suite struct PriceCatalogMatchingTests {
    @Test func exactName() throws {
        let price = try #require(try smallCatalog().price(provider: "openai", model: "gpt-4o", atUnixNanos: now))
        #expect(price.model == "gpt-4o")
        #expect(price.inputPerMillion == 2.5)
    }

    @Test func caseInsensitive() throws {
        #expect(try smallCatalog().price(provider: "OpenAI", model: "GPT-4O", atUnixNanos: now)?.model == "gpt-4o")
    }

    @Test func datedVariantFallsBackToTheBaseModel() throws {
        let price = try smallCatalog().price(provider: nil, model: "gpt-4o-2024-08-06", atUnixNanos: now)
        #expect(price?.model == "gpt-4o")
    }

    @Test func theMostSpecificEntryWins() throws {
        // The 2024-05-13 snapshot kept its launch price; the general entry would say $2.50.
        let price = try smallCatalog().price(provider: nil, model: "gpt-4o-2024-05-13", atUnixNanos: now)
        #expect(price?.model == "gpt-4o-2024-05-13")
        #expect(price?.inputPerMillion == 5)
    }

    @Test func neverPricesAMiniAsItsBigSibling() throws {
        let catalog = try smallCatalog()
        #expect(catalog.price(provider: "openai", model: "gpt-4o-mini", atUnixNanos: now) == nil)
        #expect(catalog.price(provider: nil, model: "gpt-4o-mini-2024-07-18", atUnixNanos: now) == nil)
    }

    @Test func explicitAliases() throws {
        let price = try smallCatalog().price(provider: "anthropic", model: "claude-3.5-sonnet", atUnixNanos: now)
        #expect(price?.model == "claude-3-5-sonnet")
        #expect(price?.provider == "anthropic")
    }

    @Test func theSpansProviderIsPreferred() throws {
        let catalog = try smallCatalog()
        let cortex = catalog.price(provider: "snowflake.cortex", model: "claude-3-5-sonnet", atUnixNanos: now)
        #expect(cortex?.provider == "snowflake.cortex")
        #expect(cortex?.unit == .credits)
        let anthropic = catalog.price(provider: "anthropic", model: "claude-3-5-sonnet-20241022", atUnixNanos: now)
        #expect(anthropic?.provider == "anthropic")
        #expect(anthropic?.unit == .usd)
    }

    @Test func withoutAProviderTheFirstListedWins() throws {
        #expect(try smallCatalog().price(provider: nil, model: "claude-3-5-sonnet", atUnixNanos: now)?.provider == "anthropic")
    }

    @Test func anUnlistedProviderFallsBackToAnyProvider() throws {
        // Azure OpenAI and Bedrock resell models at their makers' prices.
        let catalog = try smallCatalog()
        #expect(catalog.price(provider: "azure.ai.openai", model: "gpt-4o", atUnixNanos: now)?.provider == "openai")
        #expect(
            catalog.price(provider: "aws.bedrock", model: "anthropic.claude-3-5-sonnet-20240620-v1:0", atUnixNanos: now)?
                .provider == "anthropic")
    }

    @Test func creditBilledProvidersNeverFallBackToDollarPrices() throws {
        // Cortex has no gpt-4o entry here; OpenAI's dollar price would be in the wrong currency.
        #expect(try smallCatalog().price(provider: "snowflake.cortex", model: "gpt-4o", atUnixNanos: now) == nil)
    }

    @Test(arguments: ["my-private-model", "", "   ", "gpt-5-imaginary", "ft:gpt-4o-2024-08-06:acme::x1"])
    func unknownModelsHaveNoPrice(model: String) throws {
        #expect(try smallCatalog().price(provider: nil, model: model, atUnixNanos: now) == nil)
    }

    @Test func absurdlyLongNamesAreNotPriced() throws {
        let junk = "gpt-4o-" + String(repeating: "x", count: 600)
        #expect(try smallCatalog().price(provider: nil, model: junk, atUnixNanos: now) == nil)
    }

    @Test func repeatedLookupsGiveTheSameAnswer() throws {
        let catalog = try smallCatalog()
        for _ in 0..<3 {
            #expect(catalog.price(provider: nil, model: "gpt-4o-2024-11-20", atUnixNanos: now)?.model == "gpt-4o")
            #expect(catalog.price(provider: nil, model: "unknown-model", atUnixNanos: now) == nil)
        }
    }

    @Test func concurrentLookupsAgree() async throws {
        let catalog = try smallCatalog()
        let models = ["gpt-4o", "gpt-4o-2024-08-06", "claude-3.5-sonnet", "nope", "llama3.1-70b"]
        let answers = await withTaskGroup(of: [String?].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<500).map { catalog.price(provider: nil, model: models[$0 % models.count], atUnixNanos: now)?.model }
                }
            }
            var all: [[String?]] = []
            for await answer in group { all.append(answer) }
            return all
        }
        #expect(Set(answers).count == 1)
    }
}

@Suite struct PriceCatalogEffectiveDateTests {
    @Test func aSpanBeforeThePriceChangeIsPricedAtTheOldPrice() throws {
        let price = try smallCatalog().price(provider: "openai", model: "gpt-4o", atUnixNanos: nanos("2024-07-01"))
        #expect(price?.inputPerMillion == 5)
        #expect(price?.outputPerMillion == 15)
        #expect(price?.effectiveFrom == "2024-05-13")
    }

    @Test func aSpanAfterThePriceChangeIsPricedAtTheNewPrice() throws {
        let price = try smallCatalog().price(provider: "openai", model: "gpt-4o", atUnixNanos: nanos("2024-09-01"))
        #expect(price?.inputPerMillion == 2.5)
        #expect(price?.outputPerMillion == 10)
    }

    @Test func theNewPriceStartsAtMidnightUTC() throws {
        let catalog = try smallCatalog()
        let oneNanoBefore = nanos("2024-08-06") - 1
        #expect(catalog.price(provider: "openai", model: "gpt-4o", atUnixNanos: oneNanoBefore)?.inputPerMillion == 5)
        #expect(catalog.price(provider: "openai", model: "gpt-4o", atUnixNanos: nanos("2024-08-06"))?.inputPerMillion == 2.5)
    }

    @Test func aSpanOlderThanEveryPriceTakesTheEarliest() throws {
        let price = try smallCatalog().price(provider: "openai", model: "gpt-4o", atUnixNanos: 0)
        #expect(price?.effectiveFrom == "2024-05-13")
    }

    @Test func historyAndCostTogether() throws {
        // The same call costs twice as much in July as in September 2024:
        // July:      1,000 × $5   + 1,000 × $15 = 20,000 per million → $0.02
        // September: 1,000 × $2.5 + 1,000 × $10 = 12,500 per million → $0.0125
        let catalog = try smallCatalog()
        let usage = TokenUsage(input: 1_000, output: 1_000)
        let calculator = CostCalculator()
        let july = try #require(catalog.price(provider: "openai", model: "gpt-4o", atUnixNanos: nanos("2024-07-15")))
        let september = try #require(catalog.price(provider: "openai", model: "gpt-4o", atUnixNanos: nanos("2024-09-15")))
        #expect(abs(calculator.cost(of: usage, at: july) - 0.02) < 1e-12)
        #expect(abs(calculator.cost(of: usage, at: september) - 0.0125) < 1e-12)
    }
}

@Suite struct PriceCatalogOverrideTests {
    let overrides = """
        {"models": [
          {"provider": "openai", "model": "gpt-4o", "inputPerMillion": 1, "outputPerMillion": 2, "note": "negotiated"},
          {"provider": "acme", "model": "acme-chat", "aliases": ["acme-chat-v1"], "inputPerMillion": 0.5, "outputPerMillion": 0.5},
          {"provider": "anthropic", "model": "sonnet-proxy", "aliases": ["claude-3.5-sonnet"], "inputPerMillion": 9, "outputPerMillion": 9}
        ]}
        """

    @Test func userEntriesWinAndReplaceTheWholeHistory() throws {
        let merged = try smallCatalog().merging(overrides: PriceCatalog(jsonData: Data(overrides.utf8)))
        for day in ["2024-06-01", "2024-09-01", "2026-11-01"] {
            let price = merged.price(provider: "openai", model: "gpt-4o-2024-08-06", atUnixNanos: nanos(day))
            #expect(price?.inputPerMillion == 1)
            #expect(price?.note == "negotiated")
        }
    }

    @Test func userNamesBeatBuiltInAliases() throws {
        let merged = try smallCatalog().merging(overrides: PriceCatalog(jsonData: Data(overrides.utf8)))
        #expect(merged.price(provider: "anthropic", model: "claude-3.5-sonnet", atUnixNanos: now)?.model == "sonnet-proxy")
        // The built-in model is still reachable by its own name.
        #expect(merged.price(provider: "anthropic", model: "claude-3-5-sonnet", atUnixNanos: now)?.inputPerMillion == 3)
    }

    @Test func userModelsAreAddedAndTheRestIsKept() throws {
        let base = try smallCatalog()
        let merged = base.merging(overrides: try PriceCatalog(jsonData: Data(overrides.utf8)))
        #expect(merged.price(provider: nil, model: "acme-chat-v1", atUnixNanos: now)?.provider == "acme")
        #expect(merged.price(provider: "snowflake.cortex", model: "llama3.1-70b", atUnixNanos: now)?.unit == .credits)
        #expect(merged.price(provider: nil, model: "gpt-4o-2024-05-13", atUnixNanos: now)?.inputPerMillion == 5)
        // 5 built-in models − gpt-4o (replaced) + 3 user models = 7
        #expect(merged.modelCount == 7)
        #expect(merged.pricesCheckedOn == "2026-11")
    }

    @Test func overridesMergeOntoTheBuiltInCatalog() throws {
        let merged = try PriceCatalog.builtIn().merging(overrides: PriceCatalog(jsonData: Data(overrides.utf8)))
        #expect(merged.price(provider: "openai", model: "gpt-4o", atUnixNanos: now)?.inputPerMillion == 1)
        #expect(merged.price(provider: "openai", model: "gpt-4o-mini", atUnixNanos: now)?.inputPerMillion == 0.15)
    }
}

@Suite struct PriceCatalogFormatTests {
    @Test func roundTripsThroughItsJSON() throws {
        let catalog = try PriceCatalog.builtIn()
        let reread = try PriceCatalog(jsonData: catalog.jsonData())
        #expect(reread == catalog)
    }

    @Test func providersAreCanonicalisedOnRead() throws {
        let catalog = try PriceCatalog(
            jsonData: Data(#"{"models": [{"provider": "bedrock", "model": "x", "inputPerMillion": 1, "outputPerMillion": 1}]}"#.utf8))
        #expect(catalog.entries.first?.provider == "aws.bedrock")
        #expect(catalog.entries.first?.effectiveFrom == "1970-01-01")
        #expect(catalog.entries.first?.unit == .usd)
    }

    @Test func entriesCanBeBuiltInCode() throws {
        let catalog = try PriceCatalog(entries: [
            ModelPrice(provider: "acme", model: "acme-chat", inputPerMillion: 1, outputPerMillion: 2)
        ])
        #expect(catalog.price(provider: "acme", model: "acme-chat-latest", atUnixNanos: now)?.outputPerMillion == 2)
    }

    /// One bad entry and the error it must produce, field and entry named.
    @Test(arguments: [
        (#"{"provider": "openai", "model": "x", "inputPerMillion": -1, "outputPerMillion": 1}"#,
         PriceCatalogError.invalidField(
            entry: "entry 0 (openai/x)", field: "inputPerMillion", reason: "must be a finite number of at least 0, not -1.0")),
        (#"{"provider": "openai", "model": "x", "inputPerMillion": 1}"#,
         .invalidField(entry: "entry 0 (openai/x)", field: "outputPerMillion", reason: "is missing (write 0 when it is free)")),
        (#"{"provider": "openai", "model": "x", "inputPerMillion": "1", "outputPerMillion": 1}"#,
         .invalidField(entry: "entry 0 (openai/x)", field: "inputPerMillion", reason: "must be a number, not a string")),
        (#"{"provider": "openai", "model": "x", "inputPerMillion": true, "outputPerMillion": 1}"#,
         .invalidField(entry: "entry 0 (openai/x)", field: "inputPerMillion", reason: "must be a number, not a boolean")),
        (#"{"provider": "openai", "model": "x", "inputPerMillion": 1, "outputPerMillion": 1, "cachedInputPerMilion": 0.5}"#,
         .unknownField(entry: "entry 0 (openai/x)", field: "cachedInputPerMilion")),
        (#"{"provider": "openai", "model": "x", "inputPerMillion": 1, "outputPerMillion": 1, "effectiveFrom": "2024-13-01"}"#,
         .invalidField(
            entry: "entry 0 (openai/x)", field: "effectiveFrom",
            reason: "must be a real day written YYYY-MM-DD (1970 or later), not '2024-13-01'")),
        (#"{"provider": "openai", "model": "x", "inputPerMillion": 1, "outputPerMillion": 1, "unit": "eur"}"#,
         .invalidField(entry: "entry 0 (openai/x)", field: "unit", reason: "must be one of 'usd', 'credits', not 'eur'")),
        (#"{"provider": "openai", "model": "x", "inputPerMillion": 1, "outputPerMillion": 1, "contextWindow": 1.5}"#,
         .invalidField(entry: "entry 0 (openai/x)", field: "contextWindow", reason: "must be a whole number of tokens, not 1.5")),
        (#"{"provider": "openai", "model": "x", "inputPerMillion": 1, "outputPerMillion": 1, "contextWindow": 0}"#,
         .invalidField(entry: "entry 0 (openai/x)", field: "contextWindow", reason: "must be a positive number of tokens, not 0")),
        (#"{"model": "x", "inputPerMillion": 1, "outputPerMillion": 1}"#,
         .invalidField(entry: "entry 0", field: "provider", reason: "is missing")),
        (#"{"provider": "openai", "model": " ", "inputPerMillion": 1, "outputPerMillion": 1}"#,
         .invalidField(entry: "entry 0 (openai/ )", field: "model", reason: "must not be empty")),
        (#"{"provider": "openai", "model": "x", "aliases": "y", "inputPerMillion": 1, "outputPerMillion": 1}"#,
         .invalidField(entry: "entry 0 (openai/x)", field: "aliases", reason: "must be an array of strings, not a string")),
    ])
    func invalidEntriesAreRefusedWithTheEntryAndField(entry: String, expected: PriceCatalogError) {
        let json = #"{"models": ["# + entry + "]}"
        #expect(throws: expected) { try PriceCatalog(jsonData: Data(json.utf8)) }
    }

    @Test func duplicateDatesAreRefused() {
        let json = """
            {"models": [
              {"provider": "openai", "model": "gpt-4o", "inputPerMillion": 1, "outputPerMillion": 1, "effectiveFrom": "2024-01-01"},
              {"provider": "openai", "model": "GPT-4o", "inputPerMillion": 2, "outputPerMillion": 2, "effectiveFrom": "2024-01-01"}
            ]}
            """
        #expect(throws: PriceCatalogError.duplicateEntry(provider: "openai", model: "GPT-4o", effectiveFrom: "2024-01-01")) {
            try PriceCatalog(jsonData: Data(json.utf8))
        }
    }

    @Test func aNameClaimedByTwoModelsOfOneProviderIsRefused() {
        let json = """
            {"models": [
              {"provider": "openai", "model": "gpt-4o", "inputPerMillion": 1, "outputPerMillion": 1},
              {"provider": "openai", "model": "gpt-4o-mini", "aliases": ["gpt-4o"], "inputPerMillion": 2, "outputPerMillion": 2}
            ]}
            """
        #expect(throws: PriceCatalogError.ambiguousName(provider: "openai", name: "gpt-4o", models: ["gpt-4o", "gpt-4o-mini"])) {
            try PriceCatalog(jsonData: Data(json.utf8))
        }
    }

    @Test func theSameNameAtTwoProvidersIsFine() throws {
        let json = """
            {"models": [
              {"provider": "openai", "model": "gpt-4o", "inputPerMillion": 1, "outputPerMillion": 1},
              {"provider": "azure.ai.openai", "model": "gpt-4o", "inputPerMillion": 2, "outputPerMillion": 2}
            ]}
            """
        let catalog = try PriceCatalog(jsonData: Data(json.utf8))
        #expect(catalog.price(provider: "azure.ai.openai", model: "gpt-4o", atUnixNanos: now)?.inputPerMillion == 2)
    }

    @Test(arguments: [
        ("not json", "invalidJSON"),
        ("[1, 2]", "invalidDocument"),
        (#"{"format": 1}"#, "invalidDocument"),
        (#"{"format": 2, "models": []}"#, "unsupportedFormat"),
        (#"{"models": [42]}"#, "invalidDocument"),
    ])
    func malformedDocumentsAreRefused(json: String, kind: String) {
        do {
            _ = try PriceCatalog(jsonData: Data(json.utf8))
            Issue.record("accepted \(json)")
        } catch {
            let actual: String
            switch error {
            case .invalidJSON: actual = "invalidJSON"
            case .invalidDocument: actual = "invalidDocument"
            case .unsupportedFormat: actual = "unsupportedFormat"
            default: actual = "\(error)"
            }
            #expect(actual == kind)
            #expect(!error.description.isEmpty)
        }
    }

    @Test func errorMessagesNameTheEntryAndTheField() {
        let error = PriceCatalogError.invalidField(
            entry: "entry 3 (openai/gpt-4o)", field: "inputPerMillion", reason: "must be a number, not a string")
        #expect(error.description == "Price catalog entry 3 (openai/gpt-4o): field 'inputPerMillion' must be a number, not a string.")
        #expect(
            PriceCatalogError.unsupportedFormat(version: 2).description
                == "The price catalog declares format 2, but only format 1 is understood.")
    }
}
