import Foundation
import LoupeCore
import Testing

@Suite("ErrorClassifier")
struct ErrorClassifierTests {
    /// One labelled line of `Fixtures/error-corpus.jsonl`.
    struct CorpusEntry: Decodable {
        var provider: String?
        var status: Int?
        var type: String?
        var code: String?
        var message: String?
        var exception: String?
        var operation: String?
        var expected: String
        /// `train` or `heldout` in the external corpora; rules are written from `train` only.
        var split: String?

        var signal: ErrorSignal {
            ErrorSignal(
                httpStatus: status, errorType: type, exceptionType: exception, message: message, code: code,
                provider: provider, operation: operation.flatMap(OperationKind.init(rawValue:)))
        }
    }

    static func loadCorpus(_ name: String = "error-corpus") throws -> [CorpusEntry] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name).jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
            try decoder.decode(CorpusEntry.self, from: Data($0.utf8))
        }
    }

    let classifier = ErrorClassifier()

    /// Accuracy over `corpus`, printing each miss under `label` (held-out misses are counted, not printed,
    /// so that nobody writes a rule from them by reading the test log).
    func accuracy(_ corpus: [CorpusEntry], label: String, printMisses: Bool = true) throws -> Double {
        var correct = 0
        var misses: [String] = []
        for entry in corpus {
            let expected = try #require(ErrorCategory(rawValue: entry.expected), "unknown label \(entry.expected)")
            let result = classifier.classify(entry.signal)
            if result.category == expected {
                correct += 1
            } else {
                let message = (entry.message ?? "").prefix(110).replacingOccurrences(of: "\n", with: " ")
                misses.append(
                    "  expected \(expected.rawValue), got \(result.category.rawValue) (rule \(result.ruleId ?? "none")): "
                        + "[\(entry.provider ?? "-") \(entry.status.map(String.init) ?? "-") \(entry.type ?? entry.exception ?? "-") \(entry.code ?? "-")] \(message)"
                )
            }
        }
        let accuracy = Double(correct) / Double(corpus.count)
        print("\(label): \(correct)/\(corpus.count) correct (\(String(format: "%.1f", accuracy * 100))%)")
        if printMisses { for miss in misses { print(miss) } }
        return accuracy
    }

    @Test("classifies the labelled corpus of provider and client errors with at least 95% accuracy")
    func corpusAccuracy() throws {
        let corpus = try Self.loadCorpus()
        #expect(corpus.count >= 150)
        #expect(try accuracy(corpus, label: "error corpus") >= 0.95)
    }

    /// Messages gathered from public code, provider documentation and issue trackers by others than
    /// the rules' author, in four rounds. Rules were written from the `train` lines only: all of the
    /// first round (whose held-out half was measured, then opened to rules), half of the second, and
    /// the third and fourth, gathered to train on. The second round's `heldout` half measures how the rules
    /// generalise, and is the figure to quote.
    @Test("generalises to real messages its rules were not written from")
    func externalCorpusAccuracy() throws {
        let first = try Self.loadCorpus("error-corpus-external") + Self.loadCorpus("error-corpus-external-train2")
            + Self.loadCorpus("error-corpus-external-3") + Self.loadCorpus("error-corpus-external-4")
        let second = try Self.loadCorpus("error-corpus-external-2")
        let train = first + second.filter { $0.split == "train" }
        let heldout = second.filter { $0.split == "heldout" }
        #expect(first.allSatisfy { $0.split == "train" })
        #expect(train.count >= 1_000 && heldout.count >= 120)
        // The rounds' gatherers disagree on some labels (a tool that timed out, a model still loading,
        // an agent's output that failed validation), so no rule set fits every train line.
        #expect(try accuracy(train, label: "external corpus, train") >= 0.88)
        // Below the 95% target: the long tail is wider than phrases reach. This floor keeps the figure
        // from slipping while it is raised.
        #expect(try accuracy(heldout, label: "external corpus, held out", printMisses: false) >= 0.69)
    }

    @Test("every corpus label is a category, and every category is represented")
    func corpusCoversEveryCategory() throws {
        let labels = Set(try Self.loadCorpus().map(\.expected))
        #expect(labels == Set(ErrorCategory.allCases.map(\.rawValue)))
    }

    // MARK: Precedence

    @Test("a specific message beats a generic status")
    func messageBeatsStatus() {
        let tooLong = classifier.classify(
            ErrorSignal(httpStatus: 400, message: "This model's maximum context length is 8192 tokens."))
        #expect(tooLong.category == .contextLength)

        let quota = classifier.classify(
            ErrorSignal(
                httpStatus: 429, errorType: "openai.RateLimitError",
                message: "You exceeded your current quota, please check your plan and billing details.",
                code: "insufficient_quota"))
        #expect(quota.category == .quotaExhausted)

        let filtered = classifier.classify(
            ErrorSignal(httpStatus: 403, message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy."))
        #expect(filtered.category == .contentFilter)
    }

    @Test("a provider code beats the status it came with")
    func codeBeatsStatus() {
        #expect(classifier.classify(ErrorSignal(httpStatus: 429, code: "insufficient_quota")).category == .quotaExhausted)
        #expect(classifier.classify(ErrorSignal(httpStatus: 400, code: "context_length_exceeded")).category == .contextLength)
        #expect(classifier.classify(ErrorSignal(httpStatus: 400, code: "content_filter")).category == .contentFilter)
        #expect(classifier.classify(ErrorSignal(httpStatus: 529, errorType: "overloaded_error")).category == .rateLimit)
    }

    @Test("rate limit messages that mention prompt length and tokens stay rate limits")
    func anthropicRateLimitMentioningPromptLength() {
        let result = classifier.classify(
            ErrorSignal(
                httpStatus: 429, errorType: "rate_limit_error",
                message:
                    "This request would exceed the rate limit for your organization of 400,000 input tokens per minute. Please reduce the prompt length or the maximum tokens requested, or try again later."
            ))
        #expect(result.category == .rateLimit)
    }

    @Test("status only: the HTTP status decides")
    func statusOnly() {
        let expectations: [(Int, ErrorCategory)] = [
            (429, .rateLimit), (402, .quotaExhausted), (401, .authentication), (403, .authentication),
            (408, .timeout), (504, .timeout), (413, .contextLength), (400, .invalidRequest), (404, .invalidRequest),
            (422, .invalidRequest), (500, .providerError), (502, .providerError), (503, .providerError),
            (529, .rateLimit),
        ]
        for (status, category) in expectations {
            let result = classifier.classify(ErrorSignal(httpStatus: status))
            #expect(result.category == category, "status \(status)")
            #expect(result.ruleId != nil)
        }
    }

    @Test("a status stated in the message or error type is used when the HTTP status is missing")
    func statedStatus() {
        #expect(classifier.classify(ErrorSignal(message: "Error code: 503 - upstream unavailable")).category == .providerError)
        #expect(classifier.classify(ErrorSignal(message: "429 Client Error for url")).category == .rateLimit)
        #expect(classifier.classify(ErrorSignal(errorType: "401")).category == .authentication)
        // Six digits are a Snowflake error number, not a status.
        #expect(classifier.classify(ErrorSignal(message: "100351 (P0000): something odd")).category == .unknown)
    }

    @Test("exception types match with or without their module prefix")
    func qualifiedTypes() {
        for type in ["openai.APITimeoutError", "APITimeoutError", "anthropic._exceptions.APITimeoutError"] {
            #expect(classifier.classify(ErrorSignal(exceptionType: type)).category == .timeout, "\(type)")
        }
        #expect(classifier.classify(ErrorSignal(errorType: "Swift.DecodingError")).category == .outputParsing)
        #expect(classifier.classify(ErrorSignal(errorType: "botocore.errorfactory.ThrottlingException")).category == .rateLimit)
    }

    @Test("a failed tool span is a tool failure unless the message says more")
    func toolOperation() {
        let generic = classifier.classify(
            ErrorSignal(errorType: "KeyError", message: "'AAPLX'", operation: .tool))
        #expect(generic.category == .toolFailure)
        #expect(generic.ruleId == "tool.operation")
        let timedOut = classifier.classify(
            ErrorSignal(message: "Read timed out after 30s", operation: .tool))
        #expect(timedOut.category == .timeout)
    }

    @Test("matching ignores case")
    func caseInsensitive() {
        #expect(classifier.classify(ErrorSignal(message: "RATE LIMIT REACHED")).category == .rateLimit)
        #expect(classifier.classify(ErrorSignal(code: "THROTTLINGEXCEPTION")).category == .rateLimit)
    }

    @Test("an empty signal is unknown, with a fingerprint and no rule")
    func emptySignal() {
        let result = classifier.classify(ErrorSignal())
        #expect(result.category == .unknown)
        #expect(result.ruleId == nil)
        #expect(result.template == "")
        #expect(result.fingerprint.count == 16)
    }

    @Test("classification fills the template and a 16-hex-digit fingerprint")
    func templateAndFingerprint() {
        let result = classifier.classify(
            ErrorSignal(
                httpStatus: 429, errorType: "rate_limit_exceeded",
                message: "Rate limit reached for gpt-4o in organization org-AbC123xyZ on tokens per min (TPM): Limit 30000, Used 29871, Requested 1450. Please try again in 2.642s."
            ))
        #expect(result.category == .rateLimit)
        #expect(
            result.template
                == "Rate limit reached for <model> in organization <account> on tokens per min (TPM): Limit <num>, Used <num>, Requested <num>. Please try again in <duration>."
        )
        #expect(result.fingerprint.count == 16)
        #expect(result.fingerprint.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(result.remediation == ErrorCategory.rateLimit.remediation)
        #expect(result.recommendedAction == .retryWithBackoff)
    }

    @Test("long messages are classified by their beginning and do not blow up")
    func longMessage() {
        let message = "Rate limit exceeded. " + String(repeating: "x", count: 200_000)
        let result = classifier.classify(ErrorSignal(message: message))
        #expect(result.category == .rateLimit)
        #expect(result.template.utf8.count <= ErrorFingerprint.maxTemplateBytes)
    }

    @Test("non-ASCII messages are handled")
    func nonASCII() {
        let result = classifier.classify(ErrorSignal(httpStatus: 400, message: "上下文长度超限：请求 131072 个令牌"))
        #expect(result.category == .invalidRequest)
        #expect(result.template == "上下文长度超限：请求 <num> 个令牌")
    }
}
