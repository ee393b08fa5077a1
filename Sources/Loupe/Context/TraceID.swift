/// A 16-byte trace id, as W3C Trace Context and OpenTelemetry define it.
public struct TraceID: Sendable, Hashable, CustomStringConvertible {
    /// Bytes 0–7, big-endian.
    public var high: UInt64
    /// Bytes 8–15, big-endian; the ratio sampler reads its low 56 bits.
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Parses 32 lower-case hex digits; nil for any other text or for the all-zero id.
    public init?(hex: some StringProtocol) {
        let bytes = Array(hex.utf8)
        guard bytes.count == 32, let high = Hex.parse(bytes[0..<16]), let low = Hex.parse(bytes[16..<32]),
            high != 0 || low != 0
        else { return nil }
        self.init(high: high, low: low)
    }

    /// 32 lower-case hex digits, as ``RawSpan/traceId`` and `traceparent` carry it.
    public var hexString: String {
        Hex.string(high, low)
    }

    /// False for the all-zero id, which W3C reserves as invalid.
    public var isValid: Bool {
        high != 0 || low != 0
    }

    public var description: String { hexString }
}
