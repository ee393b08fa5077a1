/// A cursor over protobuf wire format: tags, varints, fixed-width numbers and length-delimited
/// slices, each bounds-checked. It borrows the bytes; slices it returns are views into them.
struct ProtobufWireReader {
    enum WireType: UInt64 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, startGroup = 3, endGroup = 4, fixed32 = 5
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The next field's number and wire type, or nil at the end of the bytes.
    mutating func nextField() throws(Malformed) -> (number: UInt64, wireType: WireType)? {
        guard index < bytes.count else { return nil }
        let tag = try varint()
        let number = tag >> 3
        guard number > 0, let wireType = WireType(rawValue: tag & 7) else {
            throw Malformed(description: "invalid field tag \(tag) at byte \(index)")
        }
        guard wireType != .startGroup, wireType != .endGroup else {
            throw Malformed(description: "field \(number) uses groups, which OTLP never does")
        }
        return (number, wireType)
    }

    mutating func varint() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw Malformed(description: "truncated or overlong varint")
    }

    mutating func fixed64() throws(Malformed) -> UInt64 {
        guard bytes.count - index >= 8 else { throw Malformed(description: "truncated fixed64") }
        let value = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        index += 8
        return UInt64(littleEndian: value)
    }

    mutating func fixed32() throws(Malformed) -> UInt32 {
        guard bytes.count - index >= 4 else { throw Malformed(description: "truncated fixed32") }
        let value = bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self)
        index += 4
        return UInt32(littleEndian: value)
    }

    mutating func lengthDelimited() throws(Malformed) -> UnsafeRawBufferPointer {
        let length = try varint()
        guard length <= UInt64(bytes.count - index) else {
            throw Malformed(description: "a field of \(length) bytes runs past the end of its message")
        }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[index..<index + Int(length)])
        index += Int(length)
        return slice
    }

    mutating func string() throws(Malformed) -> String {
        try Self.string(try lengthDelimited())
    }

    /// A length-delimited field's bytes as a string; protobuf strings must be valid UTF-8.
    static func string(_ bytes: UnsafeRawBufferPointer) throws(Malformed) -> String {
        guard let text = String(validating: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self) else {
            throw Malformed(description: "a string field is not valid UTF-8")
        }
        return text
    }

    /// Skips a field this reader does not use, as protobuf requires of unknown fields.
    mutating func skip(_ wireType: WireType) throws(Malformed) {
        switch wireType {
        case .varint: _ = try varint()
        case .fixed64: _ = try fixed64()
        case .lengthDelimited: _ = try lengthDelimited()
        case .fixed32: _ = try fixed32()
        case .startGroup, .endGroup: throw Malformed(description: "unexpected group")
        }
    }

    /// Calls `body` with each occurrence of a length-delimited field, skipping every other field.
    mutating func forEach(
        _ number: UInt64, _ body: (UnsafeRawBufferPointer) throws(Malformed) -> Void
    ) throws(Malformed) {
        while let (field, wireType) = try nextField() {
            guard field == number else { try skip(wireType); continue }
            try Self.expect(wireType, .lengthDelimited, field: field)
            try body(try lengthDelimited())
        }
    }

    /// How many times a field occurs in the rest of the bytes, to size a collection once instead of growing it.
    func count(of number: UInt64) throws(Malformed) -> Int {
        var reader = self
        var count = 0
        while let (field, wireType) = try reader.nextField() {
            if field == number { count += 1 }
            try reader.skip(wireType)
        }
        return count
    }

    /// Reads a field of a type this reader knows, after checking it came with the wire type that type uses.
    static func expect(_ wireType: WireType, _ expected: WireType, field: UInt64) throws(Malformed) {
        guard wireType == expected else {
            throw Malformed(description: "field \(field) has wire type \(wireType.rawValue), expected \(expected.rawValue)")
        }
    }
}
