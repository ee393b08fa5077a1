import Crypto
import Foundation
import LoupeCore

/// Records, before redaction, a keyed hash of what each model call was sent, so that repeated
/// prompts can be found (response caching) and long shared prefixes (provider prompt caching)
/// without storing the prompt.
///
/// Privacy: the hash is HMAC-SHA256 under a key derived from a server secret and the project, so
/// - nobody without the secret can test guesses against it (a plain hash of a short prompt is
///   reversed by hashing candidate prompts);
/// - equal prompts in two projects hash differently, so projects cannot be linked through it;
/// - it only tells that two calls of one project were sent the same text, which is what caching
///   needs, and it is computed before redaction because redaction makes different prompts equal
///   (two card numbers both become `[CARD]`). It is kept even when content capture is off.
///
/// Attributes set on model calls with a prompt: `loupe.prompt.hash`, `loupe.prompt.chars`, and
/// `loupe.prompt.prefix_hash` over the first ``prefixCharacters`` when the prompt is longer:
/// about the 1,024 tokens providers require before they cache a prefix.
public struct PromptHashEnricher: SpanEnricher {
    public static let hashAttribute = "loupe.prompt.hash"
    public static let prefixHashAttribute = "loupe.prompt.prefix_hash"
    public static let charactersAttribute = "loupe.prompt.chars"
    /// About 1,024 tokens at four characters a token.
    public static let prefixCharacters = 4_096

    /// Raw bytes: `SymmetricKey` is not `Sendable` in the swift-crypto this builds with.
    private let secret: Data

    public init(secret: Data) {
        self.secret = secret
    }

    /// A key for one process: hashes match within it only. Servers with a store on disk load theirs
    /// with ``PromptHashSecret``.
    public static func ephemeral() -> PromptHashEnricher {
        PromptHashEnricher(secret: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }

    public func enrich(_ span: inout SpanRecord) {
        guard span.operation == .llm, let text = span.promptText else { return }
        let key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Data(span.project.utf8), using: SymmetricKey(data: secret)))
        span.attributes[Self.hashAttribute] = .string(Self.digest(Data(text.utf8), key))
        span.attributes[Self.charactersAttribute] = .int(Int64(text.count))
        if text.count > Self.prefixCharacters {
            span.attributes[Self.prefixHashAttribute] = .string(Self.digest(Data(text.prefix(Self.prefixCharacters).utf8), key))
        }
    }

    /// 128 bits of the HMAC, hex: collisions stay out of reach for any number of prompts a project sends.
    private static func digest(_ data: Data, _ key: SymmetricKey) -> String {
        HMAC<SHA256>.authenticationCode(for: data, using: key).prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}
