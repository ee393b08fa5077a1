/// Lower-case hexadecimal for trace and span ids, as W3C Trace Context and OTLP/JSON write them.
enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The value of exactly `count` lower-case hex digits at the start of `bytes`, or nil when any
    /// is not one. Upper case is rejected because `traceparent` requires lower case.
    static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64? {
        guard bytes.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte &- UInt8(ascii: "a") &+ 10
            default: return nil
            }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }

    /// Writes `value` as `digitCount` hex digits, most significant first.
    static func write(_ value: UInt64, digitCount: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        for index in 0..<digitCount {
            let shift = UInt64((digitCount - 1 - index) * 4)
            buffer[offset + index] = digits[Int((value >> shift) & 0xF)]
        }
    }

    /// `values` written one after another, each as 16 hex digits.
    static func string(_ values: UInt64...) -> String {
        String(unsafeUninitializedCapacity: values.count * 16) { buffer in
            for (index, value) in values.enumerated() {
                write(value, digitCount: 16, into: buffer, at: index * 16)
            }
            return values.count * 16
        }
    }
}
