/// Whether the GenAI helpers record content — prompts, completions, tool arguments and results,
/// retrieval and rerank queries — and how it is cleaned first.
///
/// Off by default, as the OpenTelemetry GenAI conventions require. When on, every text is
/// redacted with `LoupeCore`'s ``Redactor`` (emails, phone and card numbers, keys, IPs… become
/// `[EMAIL]`, `[SECRET]`…) and then truncated, so a span never carries an unbounded payload.
///
/// ```swift
/// Telemetry.Configuration(contentCapture: .redacted())                  // default detectors
/// Telemetry.Configuration(contentCapture: .redacted(.all, maxCharacters: 4_096))
/// ```
public struct ContentCapture: Sendable {
    private let redactor: (any ContentRedacting)?
    /// Longer texts are cut to this many characters (after redaction) and end with `…`.
    public let maxCharacters: Int

    init(redactor: (any ContentRedacting)?, maxCharacters: Int) {
        self.redactor = redactor
        self.maxCharacters = maxCharacters
    }

    /// Records no content.
    public static let off = ContentCapture(redactor: nil, maxCharacters: 0)

    /// Whether content is recorded at all.
    public var isEnabled: Bool {
        redactor != nil
    }

    /// `text` redacted then truncated, or nil when capture is off.
    ///
    /// Redaction runs first so a secret cut in half by truncation is still recognised.
    func prepare(_ text: String) -> String? {
        guard let redactor else { return nil }
        let redacted = redactor.redactedText(text)
        guard redacted.count > maxCharacters else { return redacted }
        return String(redacted.prefix(maxCharacters)) + "…"
    }
}
