import Foundation
import LoupeCore

/// A trace id as 128 bits, for joining in memory: hashing two integers costs a fraction of hashing
/// a 32-character string, and reading one from SQLite's text allocates nothing.
struct TraceKey: Hashable {
    let high: UInt64
    let low: UInt64

    /// The id's 32 hex digits, read where SQLite holds them. Anything else (not an id Loupe stores,
    /// but every row needs a key) is hashed with FNV-1a, forwards and backwards.
    init(hex data: Data?) {
        // Through a raw buffer: iterating `Data` itself took most of the join's time.
        (high, low) = (data ?? Data()).withUnsafeBytes { bytes in
            if bytes.count == 32, let high = HexID.number(bytes[..<16]), let low = HexID.number(bytes[16...]) { return (high, low) }
            var forwards = FNV1a(), backwards = FNV1a()
            forwards.combine(bytes)
            backwards.combine(bytes.reversed())
            return (forwards.value, backwards.value)
        }
    }
}
