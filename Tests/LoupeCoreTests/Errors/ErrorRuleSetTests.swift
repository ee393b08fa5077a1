import Foundation
import LoupeCore
import Testing

@Suite("ErrorRuleSet")
struct ErrorRuleSetTests {
    static func fixture(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try Data(contentsOf: url)
    }

    /// The error a rules file produces, as the sentence a user would read.
    func loadError(_ json: String) -> String? {
        do {
            _ = try ErrorRuleSet(jsonData: Data(json.utf8))
            return nil
        } catch let error as ErrorRuleSetError {
            return error.description
        } catch {
            return "unexpected error type: \(error)"
        }
    }

    @Test("the built-in rules are valid: unique ids, each with conditions, patterns compile")
    func builtInRulesAreValid() throws {
        let builtIn = ErrorRuleSet.builtIn
        #expect(builtIn.rules.count > 20)
        _ = try ErrorRuleSet(rules: builtIn.rules)
        // Phrases are cheaper and easier to read; a pattern only where the words' order is the signal.
        #expect(builtIn.rules.filter { $0.pattern != nil }.map(\.id) == ["tool.missing"])
    }

    @Test("the example rules file loads")
    func loadsExampleFile() throws {
        let rules = try ErrorRuleSet(jsonData: try Self.fixture("example-rules.json"))
        #expect(rules.rules.map(\.id) == ["acme.gateway-budget", "acme.vector-store-empty", "acme.internal-ids"])
        #expect(rules.rules[0].category == .quotaExhausted)
        #expect(rules.rules[0].statusCodes == [429])
        #expect(rules.rules[1].operations == [.retrieval])
        #expect(rules.rules[2].pattern == "^ACME-[0-9]{4}:")
    }

    @Test("a bare array of rules loads too")
    func loadsBareArray() throws {
        let rules = try ErrorRuleSet(
            jsonData: Data(#"[{"id": "a", "category": "timeout", "codeEquals": ["E_SLOW"]}]"#.utf8))
        #expect(rules.rules.count == 1)
        #expect(rules.rules[0].codeEquals == ["E_SLOW"])
    }

    @Test("user rules are checked before the built-in ones")
    func userRulesTakePrecedence() throws {
        let classifier = ErrorClassifier(userRules: try ErrorRuleSet(jsonData: try Self.fixture("example-rules.json")))
        // Built-in rules alone would call this a rate limit (429 and "rate limit").
        let signal = ErrorSignal(httpStatus: 429, message: "Gateway rate limit: monthly budget exhausted for team ml-platform")
        #expect(ErrorClassifier().classify(signal).category == .rateLimit)
        let result = classifier.classify(signal)
        #expect(result.category == .quotaExhausted)
        #expect(result.ruleId == "acme.gateway-budget")

        // A user rule only applies when all its conditions hold.
        let otherStatus = classifier.classify(ErrorSignal(httpStatus: 503, message: "monthly budget exhausted"))
        #expect(otherStatus.ruleId != "acme.gateway-budget")

        let empty = classifier.classify(ErrorSignal(errorType: "vectors.EmptyResultError", operation: .retrieval))
        #expect(empty.category == .outputParsing)
        #expect(empty.ruleId == "acme.vector-store-empty")
    }

    @Test("a user rule's pattern and exclusions are honoured")
    func patternRule() throws {
        let classifier = ErrorClassifier(userRules: try ErrorRuleSet(jsonData: try Self.fixture("example-rules.json")))
        let hit = classifier.classify(ErrorSignal(message: "acme-1234: inventory service refused", provider: "acme-tools"))
        #expect(hit.category == .toolFailure)
        #expect(hit.ruleId == "acme.internal-ids")
        let wrongProvider = classifier.classify(ErrorSignal(message: "ACME-1234: inventory service refused"))
        #expect(wrongProvider.ruleId != "acme.internal-ids")
        let excluded = classifier.classify(ErrorSignal(message: "ACME-1234: timed out", provider: "acme-tools"))
        #expect(excluded.category == .timeout)
    }

    @Test("rules built in code can override a built-in decision")
    func rulesInCode() {
        let rule = ErrorRule(id: "mine", category: .providerError, typeEquals: ["ThrottlingException"])
        let classifier = ErrorClassifier(userRules: [rule])
        #expect(classifier.classify(ErrorSignal(errorType: "ThrottlingException")).category == .providerError)
        #expect(classifier.ruleIds.first == "mine")
    }

    @Test("provider names in rules and signals are canonicalised")
    func canonicalProviders() {
        let rule = ErrorRule(id: "mine", category: .providerError, providers: ["bedrock"], messageContains: ["zork"])
        let classifier = ErrorClassifier(userRules: [rule])
        #expect(classifier.classify(ErrorSignal(message: "zork", provider: "aws.bedrock")).ruleId == "mine")
        #expect(classifier.classify(ErrorSignal(message: "zork", provider: "Amazon-Bedrock")).ruleId == "mine")
        #expect(classifier.classify(ErrorSignal(message: "zork", provider: "openai")).ruleId != "mine")
    }

    @Test("a pattern that does not compile never matches when rules skip validation")
    func invalidPatternIsInert() {
        let rule = ErrorRule(id: "broken", category: .toolFailure, pattern: "([unclosed")
        let result = ErrorClassifier(userRules: [rule]).classify(ErrorSignal(message: "([unclosed"))
        #expect(result.ruleId != "broken")
    }

    @Test("a classifier with only some rules uses no built-in ones")
    func onlyRules() throws {
        let set = try ErrorRuleSet(rules: [ErrorRule(id: "x", category: .timeout, messageContains: ["slow"])])
        let classifier = ErrorClassifier(only: set)
        #expect(classifier.ruleIds == ["x"])
        #expect(classifier.classify(ErrorSignal(httpStatus: 429)).category == .unknown)
        #expect(classifier.classify(ErrorSignal(message: "very SLOW")).category == .timeout)
    }

    @Test("rule sets round-trip through the file format")
    func roundTrip() throws {
        let original = try ErrorRuleSet(jsonData: try Self.fixture("example-rules.json"))
        let again = try ErrorRuleSet(jsonData: try original.jsonData())
        #expect(again == original)
        #expect(try ErrorRuleSet(jsonData: try ErrorRuleSet.builtIn.jsonData()) == ErrorRuleSet.builtIn)
    }

    // MARK: Bad files

    @Test("a file that is not JSON says so")
    func notJSON() {
        #expect(loadError("rules: [")?.hasPrefix("The error rules file is not valid JSON") == true)
        #expect(loadError("   ") == "The error rules file is not valid JSON: the file is empty.")
    }

    @Test("an unknown category names the rule's place and the valid categories")
    func unknownCategory() throws {
        let message = try #require(
            loadError(#"{"rules": [{"id": "a", "category": "timeout", "statusCodes": [504]}, {"id": "b", "category": "ratelimit", "statusCodes": [429]}]}"#))
        #expect(message.contains("rules[1].category"))
        #expect(message.contains("'ratelimit' is not a category"))
        #expect(message.contains("rate_limit"))
    }

    @Test("a misspelt field is reported, not ignored")
    func unknownField() throws {
        let message = try #require(loadError(#"{"rules": [{"id": "a", "category": "timeout", "messageContain": ["x"]}]}"#))
        #expect(message.contains("'messageContain' is not a rule field"))
        #expect(message.contains("rules[0]"))
        let topLevel = try #require(loadError(#"{"rulez": []}"#))
        #expect(topLevel.contains("'rulez' is not a top-level field"))
    }

    @Test("a missing required field is named")
    func missingField() throws {
        let message = try #require(loadError(#"{"rules": [{"category": "timeout", "statusCodes": [504]}]}"#))
        #expect(message == "The error rules file is invalid at rules[0]: the required field 'id' is missing.")
    }

    @Test("wrong value types are reported with their place")
    func wrongType() throws {
        let message = try #require(loadError(#"{"rules": [{"id": "a", "category": "timeout", "statusCodes": "504"}]}"#))
        #expect(message.hasPrefix("The error rules file is invalid at rules[0].statusCodes"))
    }

    @Test("rules that cannot work as written are rejected with the reason")
    func unusableRules() {
        #expect(
            loadError(#"{"rules": [{"id": "a", "category": "timeout"}]}"#)?.hasPrefix(
                "Error rule 'a' has no match conditions") == true)
        #expect(
            loadError(#"{"rules": [{"id": "a", "category": "timeout", "messageContains": ["ok", ""]}]}"#)
                == "Error rule 'a' has an empty string in messageContains, which would match everything.")
        #expect(
            loadError(#"{"rules": [{"id": "a", "category": "timeout", "statusCodes": [4290]}]}"#)
                == "Error rule 'a' has status code 4290, which is not an HTTP status (100–599).")
        #expect(
            loadError(#"{"rules": [{"id": "a", "category": "timeout", "pattern": "([a-z"}]}"#)
                == "Error rule 'a' has a pattern that is not a valid regular expression: ([a-z")
        #expect(
            loadError(#"{"rules": [{"id": "a", "category": "timeout", "codeEquals": ["x"]}, {"id": "a", "category": "timeout", "codeEquals": ["y"]}]}"#)
                == "Error rule id 'a' is used by more than one rule; ids must be unique.")
        #expect(
            loadError(#"{"rules": [{"id": " ", "category": "timeout", "codeEquals": ["x"]}]}"#)?.contains("empty id")
                == true)
        #expect(
            loadError(#"{"rules": [{"id": "a", "category": "timeout", "operations": ["llm_call"]}]}"#)?.contains(
                "'llm_call' is not an operation kind") == true)
    }

    @Test("a newer file version is refused rather than half-read")
    func unsupportedVersion() {
        #expect(
            loadError(#"{"version": 2, "rules": []}"#)
                == "The error rules file has version 2, but this version of Loupe only reads version 1.")
    }
}
