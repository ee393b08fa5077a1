import LoupeCore

/// Prompt and completion content for `loupe bench ingest --content`, as instrumentations with content
/// capture send it: a system prompt, the user's question and retrieved context in, an answer out.
/// Words are drawn from a fixed vocabulary by a seeded generator, so the text is as repetitive as
/// prose, not as a run of one letter, and every run is the same.
struct BenchContent {
    static let words = """
        the a of to and in for on with by customer order refund invoice account policy shipping delivery \
        product warranty return request support agent answer question context document section page \
        service plan billing payment card subscription cancel upgrade feature error issue status update \
        please thank you can we will would could should information details according provided following
        """.split(separator: " ").map(String.init)

    private var state: UInt64

    init(seed: UInt64 = 42) {
        state = seed
    }

    private mutating func next() -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int(truncatingIfNeeded: state >> 33)
    }

    private mutating func sentence(_ count: Int) -> String {
        (0..<count).map { _ in Self.words[next() % Self.words.count] }.joined(separator: " ")
    }

    /// Adds about 0.9 KB of content attributes to `span`: messages in and out for a model call, the
    /// query and the documents for a retrieval, input and output values otherwise.
    mutating func add(to span: inout RawSpan) {
        let question = sentence(24)
        switch span.attributes["gen_ai.operation.name"]?.stringValue {
        case "chat", "text_completion", "generate_content":
            span.attributes["gen_ai.input.messages"] = .string(
                #"[{"role":"system","parts":[{"type":"text","content":"\#(sentence(30))"}]},{"role":"user","parts":[{"type":"text","content":"\#(question) \#(sentence(45))"}]}]"#)
            span.attributes["gen_ai.output.messages"] = .string(
                #"[{"role":"assistant","parts":[{"type":"text","content":"\#(sentence(38))"}],"finish_reason":"stop"}]"#)
        default:
            span.attributes["input.value"] = .string(question)
            span.attributes["output.value"] = .string(sentence(110))
        }
    }
}
