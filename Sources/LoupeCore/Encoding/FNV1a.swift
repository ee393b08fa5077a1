/// 64-bit FNV-1a: a stable hash for identities stored on disk. Swift's `Hasher` is seeded per
/// process, so it cannot name anything that must be found again after a restart.
public struct FNV1a: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    public mutating func combine(_ text: String) { combine(text.utf8) }

    /// 16 lower-case hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func hex(_ text: String) -> String {
        var hash = FNV1a()
        hash.combine(text)
        return hash.hex
    }
}
