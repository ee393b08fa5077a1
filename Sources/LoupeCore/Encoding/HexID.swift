/// Trace and span ids as lower-case hex, the form OTLP JSON, W3C `traceparent` and the API use.
public enum HexID {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func encode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes case-insensitive hex; nil for odd lengths or non-hex characters.
    public static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let high = nibble(utf8[i]), let low = nibble(utf8[i + 1]) else { return nil }
            out.append(high << 4 | low)
            i += 2
        }
        return out
    }

    /// Up to sixteen hex digits as a number; nil when any is not hex. Inlinable, so a caller in
    /// another module gets it specialised for its collection rather than through witness tables.
    @inlinable
    public static func number<Digits: Collection<UInt8>>(_ digits: Digits) -> UInt64? {
        guard digits.count <= 16 else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            guard let nibble = nibble(digit) else { return nil }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }

    @usableFromInline
    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }
}
