import Foundation
import LoupeCore
import Testing

@Suite("ErrorCategory")
struct ErrorCategoryTests {
    @Test("raw values are the stored API values, exactly")
    func rawValues() {
        #expect(
            ErrorCategory.allCases.map(\.rawValue) == [
                "rate_limit", "quota_exhausted", "context_length", "timeout", "authentication", "content_filter",
                "invalid_request", "output_parsing", "resource_exhausted", "provider_error", "tool_failure", "data_quality",
                "prompt", "unknown",
            ])
    }

    @Test("every category has a title, a remediation with steps, and an action", arguments: ErrorCategory.allCases)
    func describedCategory(_ category: ErrorCategory) {
        #expect(!category.title.isEmpty)
        #expect(!category.remediation.summary.isEmpty)
        #expect(!category.remediation.steps.isEmpty)
        #expect(category.remediation.steps.allSatisfy { $0.hasSuffix(".") })
        #expect((category == .unknown) == (category.recommendedAction == .none))
    }

    @Test("actions a category recommends")
    func actions() {
        #expect(ErrorCategory.rateLimit.recommendedAction == .retryWithBackoff)
        #expect(ErrorCategory.contextLength.recommendedAction == .shrinkOrChunkContext)
        #expect(ErrorCategory.authentication.recommendedAction == .rotateCredentials)
        #expect(ErrorCategory.outputParsing.recommendedAction == .retryWithRepairPrompt)
        #expect(ErrorCategory.resourceExhausted.recommendedAction == .reduceBatchOrScaleHardware)
        #expect(ErrorCategory.toolFailure.recommendedAction == .inspectTool)
        #expect(ErrorCategory.rateLimit.isTransient && !ErrorCategory.invalidRequest.isTransient)
    }

    @Test("categories, actions and remediations encode as plain JSON strings and objects")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(String(decoding: try encoder.encode(ErrorCategory.contentFilter), as: UTF8.self) == #""content_filter""#)
        #expect(
            String(decoding: try encoder.encode(AutomaticAction.fallbackToAnotherModel), as: UTF8.self)
                == #""fallback_to_another_model""#)
        let remediation = Remediation(summary: "s", steps: ["a."])
        #expect(String(decoding: try encoder.encode(remediation), as: UTF8.self) == #"{"steps":["a."],"summary":"s"}"#)
        let classification = ErrorClassification(category: .timeout, fingerprint: "0123456789abcdef", template: "t", ruleId: nil)
        let decoded = try JSONDecoder().decode(ErrorClassification.self, from: try encoder.encode(classification))
        #expect(decoded == classification)
    }
}
