import LoupeCore
import Testing

@Suite("ErrorFingerprint")
struct ErrorFingerprintTests {
    func template(_ message: String) -> String { ErrorFingerprint.template(of: message) }

    // MARK: Same failure, different details

    @Test(
        "messages that differ only in numbers, ids, quoted values and durations share a template",
        arguments: [
            (
                "Rate limit reached for gpt-4o in organization org-AbC123xyZ on tokens per min (TPM): Limit 30000, Used 29871, Requested 1450. Please try again in 2.642s.",
                "Rate limit reached for gpt-4o in organization org-9fJk2LmNoP on tokens per min (TPM): Limit 10000, Used 9990, Requested 20. Please try again in 120ms."
            ),
            (
                "prompt is too long: 215304 tokens > 200000 maximum",
                "prompt is too long: 1048577 tokens > 1000000 maximum"
            ),
            (
                "The model `gpt-5-turbo` does not exist or you do not have access to it.",
                "The model `o9-mega-preview` does not exist or you do not have access to it."
            ),
            (
                "Tool 'search_web' failed after 3 retries",
                "Tool \"lookup_order\" failed after 5 retries"
            ),
            (
                "Request req_011CTxyz9AbCdEfGhIjKlM failed (completion chatcmpl-8vXqA1b2C3d4E5f6G7h8)",
                "Request req_01ABCDEF23ghijkl45mnop failed (completion chatcmpl-9zzYQ0w1E2r3T4y5U6i7)"
            ),
            (
                "trace 4bf92f35-77b3-4da6-a3ce-929d0e0e4736 object at 0x7f9c2a1b3d90",
                "trace 1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d object at 0x7f00aa11bb22"
            ),
            (
                "Cannot connect to host 10.0.12.7:8443 (see https://status.example.com/incidents/12345)",
                "Cannot connect to host 192.168.1.20:443 (see https://docs.example.org/errors?id=9)"
            ),
            (
                "Contact ops@example.com; last failure at 2024-03-14T06:46:52.356Z",
                "Contact oncall@corp.example.org; last failure at 2025-01-02T23:59:01Z"
            ),
            (
                "Incorrect API key provided: sk-proj-********************abcd.",
                "Incorrect API key provided: sk-proj-************************wxyz."
            ),
            (
                "Tried to allocate 2.00 GiB; GPU 0 has 1.02 GiB free",
                "Tried to allocate 512.00 GiB; GPU 3 has 0.5 GiB free"
            ),
        ])
    func sameTemplate(_ pair: (String, String)) {
        #expect(template(pair.0) == template(pair.1))
    }

    /// Families of real provider messages: one failure mode each, whichever model and organisation.
    @Test(
        "a model and an organisation are dimensions, not part of the failure mode",
        arguments: [
            [
                "Rate limit reached for gpt-4o-mini in organization org-abc123XYZ on tokens per min (TPM): Limit 200000, Used 199000, Requested 3000.",
                "Rate limit reached for gpt-4o in organization org-Zq81kdPQ on tokens per min (TPM): Limit 30000, Used 29000, Requested 1500.",
                "Rate limit reached for gpt-4.1-nano-2025-04-14 in organization org-77 on tokens per min (TPM): Limit 1, Used 1, Requested 1.",
            ],
            [
                "This model's maximum context length is 128000 tokens. However, your messages resulted in 138799 tokens.",
                "This model's maximum context length is 8192 tokens. However, your messages resulted in 9001 tokens.",
            ],
            [
                "The model `gpt-4-32k` does not exist or you do not have access to it.",
                "The model `claude-3-opus-20240229` does not exist or you do not have access to it.",
            ],
            [
                "Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}} for claude-3-5-sonnet-20241022",
                "Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}} for claude-3-5-haiku-20241022",
            ],
            [
                "404 models/gemini-1.5-pro is not found for API version v1beta",
                "404 models/gemini-2.0-flash is not found for API version v1beta",
            ],
        ]
    )
    func modelFamiliesShareATemplate(messages: [String]) {
        let templates = Set(messages.map(template))
        #expect(templates.count == 1, "\(templates)")
    }

    @Test("whitespace is collapsed and trimmed")
    func whitespace() {
        #expect(template("  Expecting value:\n  line 1\tcolumn 1   (char 0)  ") == "Expecting value: line <num> column <num> (char <num>)")
    }

    @Test("placeholders read as expected")
    func placeholders() {
        #expect(
            template("Rate limit reached for gpt-4o in organization org-AbC123xyZ: Limit 30000. Please try again in 2.642s.")
                == "Rate limit reached for <model> in organization <account>: Limit <num>. Please try again in <duration>.")
        #expect(template("The model `gpt-5-turbo` does not exist") == "The model <str> does not exist")
        #expect(template("see https://platform.openai.com/account/rate-limits.") == "see <url>.")
        #expect(template("mail support@cohere.com now") == "mail <email> now")
        #expect(template("ipv4:142.250.74.106:443: refused") == "ipv4:<ip>: refused")
        #expect(template("regain access on 2025-07-01 at 00:00 UTC") == "regain access on <ts> at <num>:<num> UTC")
        #expect(template("id 4bf92f35-77b3-4da6-a3ce-929d0e0e4736") == "id <id>")
        #expect(template("waited 3m12.5s") == "waited <duration>")
        #expect(template("limit (16Gi)") == "limit (<num>Gi)")
    }

    @Test("apostrophes inside words are not quotes")
    func apostrophes() {
        #expect(
            template("This model's maximum context length is 8192 tokens, and you don't have 'x' left")
                == "This model's maximum context length is <num> tokens, and you don't have <str> left")
    }

    @Test("JSON keys and embedded messages are kept; short values are placeholders")
    func structuredBodies() {
        #expect(
            template(#"{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}"#)
                == #"{"type":<str>,"error":{"type":<str>,"message":"Number of request tokens has exceeded your per-minute rate limit"}}"#
        )
        #expect(
            template("Error code: 400 - {'error': {'message': 'prompt is too long: 208318 tokens', 'code': 'x1'}}")
                == "Error code: <num> - {'error': {'message': 'prompt is too long: <num> tokens', 'code': <str>}}")
        // Snowflake wraps the provider's JSON string in single quotes: keep the inner message.
        #expect(
            template(#"remote service error: 400 '"max tokens of 8192 exceeded"'; request retries: 0"#)
                == #"remote service error: <num> '"max tokens of <num> exceeded"'; request retries: <num>"#)
    }

    @Test("names joined by underscores keep their digits; random suffixes become ids")
    func underscoreNames() {
        #expect(template("EMBED_TEXT_768$V1 failed") == "EMBED_TEXT_768$V1 failed")
        #expect(template("tool_use id toolu_01A09q90qw90lq917835lq9") == "tool_use id toolu_<id>")
        #expect(template("model claude-3-5-sonnet-20240620") == "model <model>")
    }

    @Test("templates are capped at a UTF-8 boundary")
    func cap() {
        let long = String(repeating: "é word ", count: 200)
        let result = template(long)
        #expect(result.utf8.count <= ErrorFingerprint.maxTemplateBytes)
        #expect(result.hasPrefix("é word é word"))
        #expect(!result.hasSuffix(" "))

        // A long run without spaces in a script of multi-byte characters is cut, not dropped.
        let cjk = template(String(repeating: "上下文长度超限", count: 40))
        #expect(cjk.utf8.count <= ErrorFingerprint.maxTemplateBytes)
        #expect(cjk.utf8.count >= ErrorFingerprint.maxTemplateBytes - 3)
        #expect(cjk.hasPrefix("上下文长度超限上下文"))
    }

    @Test("unbalanced quotes are kept as characters")
    func unbalancedQuotes() {
        #expect(template(#"Invalid json output: {"name": "Bob"#) == #"Invalid json output: {"name": "Bob"#)
    }

    // MARK: Different failures

    @Test("different failure modes get different fingerprints")
    func differentFailures() {
        let classifier = ErrorClassifier()
        let messages = [
            "Rate limit reached for gpt-4o on tokens per min (TPM): Limit 30000",
            "Rate limit reached for gpt-4o on requests per min (RPM): Limit 500",
            "This model's maximum context length is 8192 tokens",
            "Incorrect API key provided",
            "Expecting value: line 1 column 1 (char 0)",
        ]
        let prints = messages.map { classifier.classify(ErrorSignal(message: $0)).fingerprint }
        #expect(Set(prints).count == messages.count)

        // Same template, different category or type: still different groups.
        let a = ErrorFingerprint(category: .timeout, errorType: "ReadTimeout", template: "timed out")
        let b = ErrorFingerprint(category: .timeout, errorType: "ConnectTimeout", template: "timed out")
        let c = ErrorFingerprint(category: .providerError, errorType: "ReadTimeout", template: "timed out")
        #expect(a != b && a != c && b != c)
    }

    // MARK: Stability

    @Test("a fixed input has a fixed fingerprint, independent of the process")
    func knownValue() {
        // Computed independently: FNV-1a-64 of "rate_limit␟openai.RateLimitError␟<template>" (␟ = 0x1F).
        let fingerprint = ErrorFingerprint(
            category: .rateLimit, errorType: "openai.RateLimitError",
            template: "Rate limit reached for <id> on tokens per min: Limit <num>, Used <num>")
        #expect(fingerprint.hex == "45ea42c21e8d02a3")
        #expect(fingerprint.description == fingerprint.hex)
        #expect(ErrorFingerprint(category: .unknown, errorType: nil, template: "").hex == "a14bc2ee6c5535b7")
    }

    @Test("hex is always sixteen lower-case digits")
    func hexPadding() {
        #expect(ErrorFingerprint(value: 0xAB).hex == "00000000000000ab")
        #expect(ErrorFingerprint(value: .max).hex == "ffffffffffffffff")
    }
}
