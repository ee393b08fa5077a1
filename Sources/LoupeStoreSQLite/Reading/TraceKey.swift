import LoupeCore

/// A trace id as 128 bits, for joining in memory: hashing two integers costs a fraction of hashing
/// a 32-character string, and reading one from SQLite's text allocates nothing.
struct TraceKey: Hashable {
    let high: UInt64
    let low: UInt64

    /// The id's 32 hex digits, read where SQLite holds them. Anything else (not an id Loupe stores,
    /// but every row needs a key) is hashed with FNV-1a, forwards and backwards.
    init(hex bytes: UnsafeRawBufferPointer) {
        if bytes.count == 32, Self.isHex(bytes) {
            high = UInt64(Self.digits(bytes, at: 0)) << 32 | UInt64(Self.digits(bytes, at: 8))
            low = UInt64(Self.digits(bytes, at: 16)) << 32 | UInt64(Self.digits(bytes, at: 24))
            return
        }
        var forwards = FNV1a(), backwards = FNV1a()
        forwards.combine(bytes)
        backwards.combine(bytes.reversed())
        (high, low) = (forwards.value, backwards.value)
    }

    private static func isHex(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }
    }

    /// Eight hex digits as a number, all at once in one word rather than a digit at a time: a week
    /// of requests is two hundred thousand ids to read.
    @inline(__always)
    private static func digits(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        // Little-endian: the first digit is the lowest byte.
        let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        // A digit's low four bits, plus 9 for a letter (bit 0x40): 'a' and 'A' (…1) become 10.
        let letters = (word & 0x4040_4040_4040_4040) >> 6
        let nibbles = (word & 0x0F0F_0F0F_0F0F_0F0F) &+ letters &* 9
        // Pairs, then quads, then the eight, each earlier digit the more significant.
        let pairs = ((nibbles & 0x000F_000F_000F_000F) << 4) | ((nibbles >> 8) & 0x000F_000F_000F_000F)
        let quads = ((pairs & 0x0000_00FF_0000_00FF) << 8) | ((pairs >> 16) & 0x0000_00FF_0000_00FF)
        return UInt32(truncatingIfNeeded: ((quads & 0xFFFF) << 16) | ((quads >> 32) & 0xFFFF))
    }
}
