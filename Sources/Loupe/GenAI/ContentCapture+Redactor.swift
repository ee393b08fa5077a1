// The only file that touches LoupeCore's Privacy module.
extension ContentCapture {
    /// Records content redacted with `configuration`. ``RedactionConfiguration/off`` records it
    /// verbatim; choose that only when the content is known to hold no personal data.
    public static func redacted(
        _ configuration: RedactionConfiguration = .default, maxCharacters: Int = 16_384
    ) -> ContentCapture {
        ContentCapture(redactor: Redactor(configuration: configuration), maxCharacters: max(maxCharacters, 1))
    }
}

extension Redactor: ContentRedacting {
    func redactedText(_ text: String) -> String {
        redact(text).text
    }
}
