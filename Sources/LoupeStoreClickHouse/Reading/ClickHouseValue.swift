/// One value of a ClickHouse answer row, as ``JSONEachRowReader`` reads it.
enum ClickHouseValue: Sendable, Equatable {
    case null
    case string(String)
    /// A number written without a fraction or exponent that fits in 64 bits.
    case integer(Int64)
    case number(Double)
    case array([ClickHouseValue])

    var int: Int64? {
        switch self {
        case .integer(let value): return value
        case .number(let value): return Int64(exactly: value)
        case .string(let text): return Int64(text)
        case .null, .array: return nil
        }
    }

    var double: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        case .string(let text): return Double(text)
        case .null, .array: return nil
        }
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var array: [ClickHouseValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }
}
