/// An 8-byte span id, as W3C Trace Context and OpenTelemetry define it.
public struct SpanID: Sendable, Hashable, CustomStringConvertible {
    /// The id's bytes, big-endian.
    public var rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// Parses 16 lower-case hex digits; nil for any other text or for the all-zero id.
    public init?(hex: some StringProtocol) {
        let bytes = Array(hex.utf8)
        guard bytes.count == 16, let value = Hex.parse(bytes), value != 0 else { return nil }
        self.init(rawValue: value)
    }

    /// 16 lower-case hex digits, as ``RawSpan/spanId`` and `traceparent` carry it.
    public var hexString: String {
        Hex.string(rawValue)
    }

    /// False for the all-zero id, which W3C reserves as invalid.
    public var isValid: Bool {
        rawValue != 0
    }

    public var description: String { hexString }
}
