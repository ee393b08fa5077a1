import Foundation

extension ReproCapture {
    /// Where reproductions go and how many are kept.
    public struct Configuration: Sendable {
        /// The directory reproductions are written to; created when missing.
        public var directory: URL
        /// Neither file of a reproduction grows past this many bytes: message contents are cut
        /// shorter and shorter until both fit.
        public var maxFileBytes: Int
        /// Reproductions kept; writing one more removes the oldest.
        public var maxReproductions: Int
        /// Applied to every message and to the error message, even when content capture already
        /// redacted them: the files may be shared.
        public var redaction: RedactionConfiguration
        /// A failure with the same provider, model and `error.type` as one captured less than this
        /// long ago is not captured again, so an outage writes one reproduction, not thousands.
        public var minimumInterval: Duration
        /// OpenAI-compatible base URLs by `gen_ai.provider.name`, used by the replay script.
        public var baseURLs: [String: String]

        public init(
            directory: URL, maxFileBytes: Int = 256 * 1_024, maxReproductions: Int = 50,
            redaction: RedactionConfiguration = .default, minimumInterval: Duration = .seconds(60),
            baseURLs: [String: String] = ReproCapture.defaultBaseURLs
        ) {
            self.directory = directory
            self.maxFileBytes = max(maxFileBytes, 1)
            self.maxReproductions = max(maxReproductions, 1)
            self.redaction = redaction
            self.minimumInterval = minimumInterval
            self.baseURLs = baseURLs
        }
    }

    /// OpenAI-compatible endpoints of known providers (OpenAI, Anthropic, Gemini, Mistral, Groq,
    /// DeepSeek, xAI), by `gen_ai.provider.name`.
    public static var defaultBaseURLs: [String: String] {
        ReproRequest.defaultBaseURLs
    }
}
