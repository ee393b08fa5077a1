import Foundation
import LoupeCore

extension OTLPAnyValue {
    /// The Loupe attribute value; an empty `AnyValue` becomes an empty string.
    public var attributeValue: AttributeValue {
        switch value {
        case .stringValue(let s): return .string(s)
        case .boolValue(let b): return .bool(b)
        case .intValue(let i): return .int(i)
        case .doubleValue(let d): return .double(d)
        case .bytesValue(let d): return .bytes(Array(d))
        case .arrayValue(let a): return .array(a.values.map(\.attributeValue))
        case .kvlistValue(let kv): return .kvlist(OTLPKeyValue.attributes(kv.values))
        case nil: return .string("")
        }
    }

    public init(_ attribute: AttributeValue) {
        self.init()
        switch attribute {
        case .string(let s): value = .stringValue(s)
        case .bool(let b): value = .boolValue(b)
        case .int(let i): value = .intValue(i)
        case .double(let d): value = .doubleValue(d)
        case .bytes(let b): value = .bytesValue(.init(b))
        case .array(let values):
            var array = OTLPArrayValue()
            array.values = values.map(OTLPAnyValue.init)
            value = .arrayValue(array)
        case .kvlist(let map):
            var list = OTLPKeyValueList()
            list.values = OTLPKeyValue.list(map)
            value = .kvlistValue(list)
        }
    }
}

extension OTLPKeyValue {
    /// Attributes as a map; on duplicate keys (forbidden by OTLP) the last one wins.
    public static func attributes(_ list: [OTLPKeyValue]) -> [String: AttributeValue] {
        var map = [String: AttributeValue](minimumCapacity: list.count)
        for kv in list { map[kv.key] = kv.value.attributeValue }
        return map
    }

    /// Key-value pairs sorted by key, so encodings are deterministic.
    public static func list(_ map: [String: AttributeValue]) -> [OTLPKeyValue] {
        map.keys.sorted().map { key in
            var kv = OTLPKeyValue()
            kv.key = key
            kv.value = OTLPAnyValue(map[key] ?? .string(""))
            return kv
        }
    }
}
