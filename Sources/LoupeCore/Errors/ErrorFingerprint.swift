/// A stable 64-bit identity for "the same error": same category, same error type, same message once
/// the parts that change from one occurrence to the next are taken out.
///
/// The message is first reduced to a *template*: numbers, ids (UUIDs, hex ids, request and
/// completion ids, masked keys), quoted values, URLs, emails, IP addresses, durations and
/// timestamps become placeholders (`<num>`, `<id>`, `<str>`, `<url>`, `<email>`, `<ip>`,
/// `<duration>`, `<ts>`), and so do model names and organisation ids (`<model>`, `<account>`): a
/// model is a dimension of a failure, kept beside its fingerprint, not part of the mode. Whitespace is collapsed and the length is capped. The fingerprint is the
/// 64-bit FNV-1a hash (``FNV1a``) of category, error type and template: not `Hasher`, which is
/// seeded per process, because fingerprints are stored and compared across restarts and machines.
public struct ErrorFingerprint: Sendable, Hashable, CustomStringConvertible {
    /// The 64-bit hash.
    public let value: UInt64

    /// Templates longer than this many UTF-8 bytes are cut; the start of a message identifies it.
    public static let maxTemplateBytes = 320

    /// Only the start of very long messages (stack traces pasted into messages) is read.
    static let maxInputBytes = 4096

    /// Quoted spans longer than this that contain spaces are prose (an embedded provider message),
    /// not a value, so they are kept and normalised rather than replaced by `<str>`.
    static let maxQuotedValueBytes = 64

    /// A fingerprint read back from storage.
    public init(value: UInt64) {
        self.value = value
    }

    /// The fingerprint of a classified error.
    ///
    /// - Parameters:
    ///   - errorType: `error.type`, or the exception type when there is none.
    ///   - template: the message as returned by ``template(of:)``.
    public init(category: ErrorCategory, errorType: String?, template: String) {
        // The unit separator keeps ("ab", "c") and ("a", "bc") apart.
        var hash = FNV1a()
        hash.combine(category.rawValue)
        hash.combine(CollectionOfOne(0x1F))
        hash.combine(errorType ?? "")
        hash.combine(CollectionOfOne(0x1F))
        hash.combine(template)
        self.value = hash.value
    }

    /// Sixteen lower-case hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public var description: String { hex }

    /// The message with everything occurrence-specific replaced by placeholders; see the type's documentation.
    ///
    /// One pass over the UTF-8 bytes, no regular expressions; quoted spans look ahead for their
    /// closing quote, bounded by the input cap.
    public static func template(of message: String) -> String {
        var message = message
        return message.withUTF8 { bytes in
            var normalizer = TemplateNormalizer(
                input: UnsafeBufferPointer(rebasing: bytes.prefix(maxInputBytes)), limit: maxTemplateBytes)
            return normalizer.run()
        }
    }
}
