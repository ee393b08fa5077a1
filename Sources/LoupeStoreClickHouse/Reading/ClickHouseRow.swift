import Foundation

/// One row of a JSONEachRow answer, read by column name. Missing or null columns read as nil.
struct ClickHouseRow {
    let values: [String: Any]

    func string(_ name: String) -> String? { values[name] as? String }

    func int(_ name: String) -> Int64? {
        switch values[name] {
        case let number as NSNumber: return number.int64Value
        case let text as String: return Int64(text)
        default: return nil
        }
    }

    func double(_ name: String) -> Double? {
        switch values[name] {
        case let number as NSNumber: return number.doubleValue
        case let text as String: return Double(text)
        default: return nil
        }
    }

    func bool(_ name: String) -> Bool { (int(name) ?? 0) != 0 }

    /// A `sumMap` answer, `[[keys…], [values…]]`, as pairs.
    func map(_ name: String) -> [(key: Int, value: UInt64)] {
        guard let pair = values[name] as? [Any], pair.count == 2, let keys = pair[0] as? [NSNumber], let counts = pair[1] as? [NSNumber]
        else { return [] }
        return zip(keys, counts).map { ($0.intValue, $1.uint64Value) }
    }

    func strings(_ name: String) -> [String] { values[name] as? [String] ?? [] }

    func ints(_ name: String) -> [Int64] { (values[name] as? [NSNumber])?.map(\.int64Value) ?? [] }

    func doubles(_ name: String) -> [Double] { (values[name] as? [NSNumber])?.map(\.doubleValue) ?? [] }
}
