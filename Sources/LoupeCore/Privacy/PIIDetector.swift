/// One family of personal or secret data the ``Redactor`` can find.
///
/// The raw values are stable: they appear in configuration files, in the JSON API and as the
/// keys of ``RedactionResult/counts``.
public enum PIIDetector: String, Sendable, Hashable, CaseIterable, Codable, CodingKeyRepresentable {
    /// `jane.doe+tag@example.co.uk`.
    case email
    /// International (`+44 20 7946 0958`, `+1-202-555-0143`), North American (`(415) 555-2671`,
    /// `415-555-2671`) and trunk-prefixed national (`020 7946 0958`) numbers.
    case phone
    /// Payment card numbers: 13–19 digits, optionally grouped by spaces or dashes, with a known
    /// issuer prefix and a valid Luhn check digit.
    case card
    /// International bank account numbers with the registered length for their country and a
    /// valid ISO 13616 mod-97 checksum, compact or printed in groups of four.
    case iban
    /// US social security numbers written `123-45-6789`, excluding numbers the SSA never issues.
    case ssn
    /// Dotted-quad IPv4 addresses (not version strings).
    case ipv4
    /// IPv6 addresses, full or compressed, with an optional embedded IPv4 tail and zone.
    case ipv6
    /// API keys and tokens: vendor prefixes (OpenAI, Anthropic, AWS, GitHub, Slack, Google),
    /// JWTs, `Bearer` credentials and long high-entropy tokens.
    case secret
    /// RFC 4122 style UUIDs. Off by default: they are identifiers more often than personal data.
    case uuid

    /// The text that replaces a match, e.g. `[EMAIL]`. Both IP families share `[IP]`.
    public var placeholder: String {
        switch self {
        case .email: return "[EMAIL]"
        case .phone: return "[PHONE]"
        case .card: return "[CARD]"
        case .iban: return "[IBAN]"
        case .ssn: return "[SSN]"
        case .ipv4, .ipv6: return "[IP]"
        case .secret: return "[SECRET]"
        case .uuid: return "[UUID]"
        }
    }

    /// Detectors that are on unless configured otherwise: all but ``uuid``.
    public static var enabledByDefault: Set<PIIDetector> {
        Set(allCases.filter { $0 != .uuid })
    }

    /// A bit unique to this detector, so the scanner can test "is it on?" without hashing.
    var bit: UInt16 {
        switch self {
        case .email: return 1 << 0
        case .phone: return 1 << 1
        case .card: return 1 << 2
        case .iban: return 1 << 3
        case .ssn: return 1 << 4
        case .ipv4: return 1 << 5
        case .ipv6: return 1 << 6
        case .secret: return 1 << 7
        case .uuid: return 1 << 8
        }
    }
}
