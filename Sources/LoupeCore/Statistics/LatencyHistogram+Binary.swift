/// A compact binary form for storing histograms in a BLOB column:
/// version byte, LEB128 offset, LEB128 length, then one LEB128 count per bucket.
extension LatencyHistogram {
    private static let formatVersion: UInt8 = 1

    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = [Self.formatVersion]
        bytes.reserveCapacity(3 + counts.count * 2)
        Self.appendVarint(UInt64(offset), to: &bytes)
        Self.appendVarint(UInt64(counts.count), to: &bytes)
        for c in counts { Self.appendVarint(c, to: &bytes) }
        return bytes
    }

    /// Decodes ``encoded()`` output; nil for bytes this version cannot read.
    public init?<Bytes: Collection<UInt8>>(encoded bytes: Bytes) {
        guard let decoded = bytes.withContiguousStorageIfAvailable({ Self(encodedBuffer: UnsafeRawBufferPointer($0)) })
            ?? Array(bytes).withUnsafeBytes({ Self(encodedBuffer: $0) })
        else { return nil }
        self = decoded
    }

    /// Decodes from raw bytes in one pass, building the counts array at its final size: summaries
    /// decode tens of thousands of these per query, so no per-bucket growth or iterator overhead.
    public init?(encodedBuffer bytes: UnsafeRawBufferPointer) {
        self.init()
        var position = 0
        func varint() -> UInt64? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                guard shift < 64 else { return nil }
                result |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return result }
                shift += 7
            }
            return nil
        }
        guard bytes.first == Self.formatVersion else { return nil }
        position = 1
        guard let start = varint(), let length = varint(), start < UInt64(Self.bucketCount),
            length <= UInt64(Self.bucketCount) - start
        else { return nil }
        var decoded = [UInt64](repeating: 0, count: Int(length))
        var total: UInt64 = 0
        for k in 0..<Int(length) {
            guard let c = varint() else { return nil }
            decoded[k] = c
            total &+= c
        }
        // Zero buckets at the edges are trimmed, as ``add(bucket:count:)`` never creates them.
        guard let first = decoded.firstIndex(where: { $0 > 0 }), let last = decoded.lastIndex(where: { $0 > 0 }) else { return }
        self.init(offset: Int(start) + first, counts: Array(decoded[first...last]), count: total)
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}
