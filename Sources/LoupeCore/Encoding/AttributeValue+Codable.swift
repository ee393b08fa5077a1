/// Attribute values read back from stored JSON. Bytes come back as their base64 text.
extension AttributeValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? container.decode(Int64.self) {
            self = .int(i)
        } else if let d = try? container.decode(Double.self) {
            self = .double(d)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([AttributeValue].self) {
            self = .array(a)
        } else if let m = try? container.decode([String: AttributeValue].self) {
            self = .kvlist(m)
        } else if container.decodeNil() {
            self = .string("")
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an attribute value")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let s): try container.encode(s)
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .double(let d): try container.encode(d)
        case .bytes(let b): try container.encode(Base64.encode(b))
        case .array(let a): try container.encode(a)
        case .kvlist(let m): try container.encode(m)
        }
    }
}
