import Foundation

/// Numbers the distinct labels (variants, score names) of a stream of rows, read from SQLite's
/// buffers: a label is made a `String` once, when first seen, not once per row.
struct LabelTable {
    private(set) var labels: [String] = []
    private var bytes: [[UInt8]] = []
    /// Each label by a hash of its bytes; a label whose hash another holds is found by name.
    private var byHash: [UInt64: Int] = [:]
    private var byName: [String: Int] = [:]
    /// The label found last: rows often come grouped by label.
    private var last = -1

    var count: Int { labels.count }

    mutating func index(of text: UnsafeRawBufferPointer) -> Int {
        if last >= 0, Self.equal(bytes[last], text) { return last }
        let hash = Self.hash(text)
        if let found = byHash[hash], Self.equal(bytes[found], text) {
            last = found
            return found
        }
        let label = String(decoding: text, as: UTF8.self)
        if let found = byName[label] {
            last = found
            return found
        }
        labels.append(label)
        bytes.append(Array(text))
        byName[label] = labels.count - 1
        if byHash[hash] == nil { byHash[hash] = labels.count - 1 }
        last = labels.count - 1
        return last
    }

    private static func equal(_ stored: [UInt8], _ text: UnsafeRawBufferPointer) -> Bool {
        guard stored.count == text.count else { return false }
        guard let base = text.baseAddress, !text.isEmpty else { return true }
        return stored.withUnsafeBytes { memcmp($0.baseAddress!, base, text.count) == 0 }
    }

    /// FNV-1a over the raw bytes, written out so it is not a generic call per row.
    private static func hash(_ text: UnsafeRawBufferPointer) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
        return value
    }
}
