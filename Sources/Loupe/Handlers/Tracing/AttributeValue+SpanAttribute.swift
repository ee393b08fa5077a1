import LoupeCore
import LoupeOTLP
import Tracing

extension AttributeValue {
    /// This value as swift-distributed-tracing can carry it.
    ///
    /// Homogeneous arrays map to typed arrays; maps, mixed arrays and nested arrays, which
    /// `SpanAttribute` cannot hold, become their JSON text so nothing is lost; bytes become hex.
    var spanAttribute: SpanAttribute {
        switch self {
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int64(number)
        case .double(let number): return .double(number)
        case .bytes(let bytes): return .string(HexID.encode(bytes))
        case .array(let values): return Self.array(values) ?? .string(JSONWriter.text(of: self))
        case .kvlist: return .string(JSONWriter.text(of: self))
        }
    }

    private static func array(_ values: [AttributeValue]) -> SpanAttribute? {
        var strings: [String] = []
        var ints: [Int64] = []
        var doubles: [Double] = []
        var bools: [Bool] = []
        for value in values {
            switch value {
            case .string(let text): strings.append(text)
            case .int(let number): ints.append(number)
            case .double(let number): doubles.append(number)
            case .bool(let flag): bools.append(flag)
            default: return nil
            }
        }
        switch values.count {
        case strings.count: return .stringArray(strings)
        case ints.count: return .int64Array(ints)
        case doubles.count: return .doubleArray(doubles)
        case bools.count: return .boolArray(bools)
        case ints.count + doubles.count: return .doubleArray(values.compactMap(\.doubleValue))
        default: return nil
        }
    }
}

extension Dictionary where Key == String, Value == AttributeValue {
    /// These attributes as `SpanAttributes`.
    var spanAttributes: SpanAttributes {
        SpanAttributes(mapValues(\.spanAttribute))
    }
}

extension JSONWriter {
    /// `value` as JSON text.
    static func text(of value: AttributeValue) -> String {
        var writer = JSONWriter()
        writer.value(value)
        return writer.string
    }
}
