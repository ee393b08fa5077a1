/// Read-only view of the UTF-8 bytes being scanned, with forgiving look-ahead and look-behind.
///
/// Recognizers peek a few bytes past a candidate all the time; answering 0 (a byte that belongs
/// to no token) outside the buffer keeps every such peek branch-free of explicit bounds logic
/// and makes running off either end impossible.
struct ScanBuffer {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var count: Int { bytes.count }

    /// The byte at `index`, or 0 when `index` is outside the buffer.
    @inline(__always) subscript(index: Int) -> UInt8 {
        index >= 0 && index < bytes.count ? bytes[index] : 0
    }

    /// Whether the bytes at `index` spell `literal` exactly.
    @inline(__always) func matches(_ literal: StaticString, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index >= 0, index + length <= bytes.count else { return false }
        let pattern = literal.utf8Start
        for offset in 0..<length where bytes[index + offset] != pattern[offset] {
            return false
        }
        return true
    }

    /// Whether the bytes at `index` spell `literal` ignoring ASCII case; `literal` must be lower-case.
    @inline(__always) func matchesIgnoringCase(_ literal: StaticString, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index >= 0, index + length <= bytes.count else { return false }
        let pattern = literal.utf8Start
        for offset in 0..<length where ByteClass.lower(bytes[index + offset]) != pattern[offset] {
            return false
        }
        return true
    }

    /// The end of the run of bytes satisfying `predicate` that starts at `index`, looking at no
    /// more than `limit` bytes.
    @inline(__always) func runEnd(from index: Int, limit: Int = .max, while predicate: (UInt8) -> Bool) -> Int {
        var end = index
        let stop = limit == .max ? bytes.count : min(bytes.count, index + limit)
        while end < stop && predicate(bytes[end]) {
            end += 1
        }
        return end
    }
}
