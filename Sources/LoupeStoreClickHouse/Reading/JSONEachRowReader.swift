/// Reads ClickHouse's JSONEachRow answers: one flat JSON object per line, whose values are
/// strings, numbers, nulls and arrays of them.
///
/// Written by hand because Foundation's readers are the slowest part of a large read: on this
/// machine `JSONSerialization` took 6.5 s and `JSONDecoder` 7 to 12 s for the 155 MB of 333,000
/// trace summaries (a million spans' traces), longer than ClickHouse took to merge them. This one
/// reads only what ClickHouse writes, and refuses anything else as a bad answer.
struct JSONEachRowReader {
    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The rows of an answer; every row must name the same columns in the same order, as ClickHouse's do.
    static func rows(_ bytes: [UInt8]) throws -> [ClickHouseRow] {
        var reader = JSONEachRowReader(bytes)
        var rows: [ClickHouseRow] = []
        var columns: ClickHouseColumns?
        while true {
            reader.skipWhitespace()
            guard reader.index < bytes.count else { return rows }
            var names: [String] = []
            var values: [ClickHouseValue] = []
            values.reserveCapacity(columns?.count ?? 8)
            try reader.expect(UInt8(ascii: "{"))
            reader.skipWhitespace()
            if reader.peek != UInt8(ascii: "}") {
                repeat {
                    reader.skipWhitespace()
                    if let columns {
                        // Later rows: the name compared where it lies, not read into a string.
                        guard let expected = columns.utf8Name(at: values.count), try reader.key(matching: expected) else {
                            throw ClickHouseStoreError.badAnswer("rows that do not name the same columns")
                        }
                    } else {
                        names.append(try reader.string())
                    }
                    reader.skipWhitespace()
                    try reader.expect(UInt8(ascii: ":"))
                    values.append(try reader.value())
                    reader.skipWhitespace()
                } while try reader.more(closing: UInt8(ascii: "}"))
            } else {
                reader.index += 1
            }
            if columns == nil { columns = ClickHouseColumns(names) }
            guard let columns, values.count == columns.count else { throw ClickHouseStoreError.badAnswer("rows that do not name the same columns") }
            rows.append(ClickHouseRow(columns: columns, values: values))
        }
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Reads a string, telling whether it is `expected`.
    private mutating func key(matching expected: [UInt8]) throws -> Bool {
        let start = index + 1
        let end = start + expected.count
        if end < bytes.count, bytes[start - 1] == UInt8(ascii: "\""), bytes[end] == UInt8(ascii: "\""),
            bytes[start..<end].elementsEqual(expected), !expected.contains(UInt8(ascii: "\\"))
        {
            index = end + 1
            return true
        }
        return Array(try string().utf8) == expected
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard peek == byte else { throw Self.bad("'\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    /// After an element: true at a comma (another follows), false at `closing` (the end).
    private mutating func more(closing: UInt8) throws -> Bool {
        switch peek {
        case UInt8(ascii: ","): index += 1; return true
        case closing: index += 1; return false
        default: throw Self.bad("',' or '\(Character(Unicode.Scalar(closing)))'")
        }
    }

    private mutating func value() throws -> ClickHouseValue {
        skipWhitespace()
        switch peek {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "["):
            index += 1
            skipWhitespace()
            var elements: [ClickHouseValue] = []
            if peek == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            repeat {
                elements.append(try value())
                skipWhitespace()
            } while try more(closing: UInt8(ascii: "]"))
            return .array(elements)
        case UInt8(ascii: "n"):
            guard bytes[index...].starts(with: "null".utf8) else { throw Self.bad("a value") }
            index += 4
            return .null
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            // Not written for ClickHouse's own types (UInt8 is a number), but valid JSON.
            let isTrue = bytes[index...].starts(with: "true".utf8)
            guard isTrue || bytes[index...].starts(with: "false".utf8) else { throw Self.bad("a value") }
            index += isTrue ? 4 : 5
            return .integer(isTrue ? 1 : 0)
        default: return try number()
        }
    }

    private mutating func number() throws -> ClickHouseValue {
        let start = index
        var integral = true
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"): break
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): integral = false
            default:
                guard index > start else { throw Self.bad("a value") }
                return try Self.number(bytes[start..<index], integral: integral)
            }
            index += 1
        }
        guard index > start else { throw Self.bad("a value") }
        return try Self.number(bytes[start..<index], integral: integral)
    }

    private static func number(_ digits: ArraySlice<UInt8>, integral: Bool) throws -> ClickHouseValue {
        let text = String(decoding: digits, as: UTF8.self)
        if integral, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text) else { throw bad("a number") }
        return .number(value)
    }

    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        // The common case: no escape, one copy.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") { index += 1 }
        guard index < bytes.count else { throw Self.bad("the end of a string") }
        if bytes[index] == UInt8(ascii: "\"") {
            defer { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        var text = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw Self.bad("an escape") }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"): text.append(contentsOf: try unicodeEscape())
                default: throw Self.bad("an escape")
                }
            default: text.append(byte)
            }
        }
        throw Self.bad("the end of a string")
    }

    /// `\uXXXX` after its `\u`, a surrogate pair's second half included, as UTF-8.
    private mutating func unicodeEscape() throws -> [UInt8] {
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar), bytes[index...].starts(with: "\\u".utf8) {
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw Self.bad("a surrogate pair") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        return Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw Self.bad("four hex digits")
        }
        index += 4
        return value
    }

    private static func bad(_ expected: String) -> ClickHouseStoreError {
        .badAnswer("JSON that is not what ClickHouse writes (expected \(expected))")
    }
}
