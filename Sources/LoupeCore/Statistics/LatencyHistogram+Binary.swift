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
        self.init()
        var iterator = bytes.makeIterator()
        guard iterator.next() == Self.formatVersion,
            let offset = Self.readVarint(&iterator), let length = Self.readVarint(&iterator),
            offset < UInt64(Self.bucketCount), length <= UInt64(Self.bucketCount) - offset
        else { return nil }
        for k in 0..<Int(length) {
            guard let c = Self.readVarint(&iterator) else { return nil }
            add(bucket: Int(offset) + k, count: c)
        }
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    private static func readVarint<I: IteratorProtocol<UInt8>>(_ iterator: inout I) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while let byte = iterator.next() {
            guard shift < 64 else { return nil }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        return nil
    }
}
