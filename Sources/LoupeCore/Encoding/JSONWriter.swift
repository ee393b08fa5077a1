/// A minimal, fast JSON text writer for the ingest hot path.
///
/// Foundation's `JSONEncoder` costs several microseconds per small object; at 50,000 spans a second
/// that is most of a core, so attributes and events are written by hand. Reading back, which is
/// rare, goes through Foundation (see `AttributeValue+Codable`).
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func string(_ value: String) {
        var value = value
        // Native strings are contiguous UTF-8: scan the bytes directly and copy unescaped runs whole.
        value.withUTF8 { utf8 in
            bytes.append(0x22)
            var run = 0
            for i in 0..<utf8.count {
                let byte = utf8[i]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                escape(byte)
                run = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
            bytes.append(0x22)
        }
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x22: bytes.append(0x5C); bytes.append(0x22)
        case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
        case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
        case 0x0D: bytes.append(0x5C); bytes.append(0x72)
        case 0x09: bytes.append(0x5C); bytes.append(0x74)
        default:
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { digits in
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
            }
        }
    }

    public mutating func number(_ value: Int64) {
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func number(_ value: Double) {
        if value.isFinite {
            bytes.append(contentsOf: String(value).utf8)
        } else {
            raw("null")
        }
    }

    public mutating func value(_ attribute: AttributeValue) {
        switch attribute {
        case .string(let s): string(s)
        case .bool(let b): b ? raw("true") : raw("false")
        case .int(let i): number(i)
        case .double(let d): number(d)
        case .bytes(let b): string(Base64.encode(b))
        case .array(let values):
            bytes.append(0x5B)
            for (i, element) in values.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                self.value(element)
            }
            bytes.append(0x5D)
        case .kvlist(let map): object(map)
        }
    }

    /// Writes an object; with `sortedKeys`, equal maps give equal text (needed when the text is hashed).
    public mutating func object(_ map: [String: AttributeValue], sortedKeys: Bool = true) {
        bytes.append(0x7B)
        var first = true
        func member(_ key: String, _ value: AttributeValue) {
            if !first { bytes.append(0x2C) }
            first = false
            string(key)
            bytes.append(0x3A)
            self.value(value)
        }
        if sortedKeys {
            // Keys come from the map itself, so the lookup cannot fail.
            for key in map.keys.sorted() { member(key, map[key] ?? .string("")) }
        } else {
            for (key, value) in map { member(key, value) }
        }
        bytes.append(0x7D)
    }

    /// Encodes an attribute map as JSON text, keys sorted unless `sortedKeys` is false.
    public static func encode(_ map: [String: AttributeValue], sortedKeys: Bool = true) -> String {
        var writer = JSONWriter(capacity: 64 + map.count * 48)
        writer.object(map, sortedKeys: sortedKeys)
        return writer.string
    }
}
