/// One row of a JSONEachRow answer, read by column name. Missing or null columns read as nil.
struct ClickHouseRow {
    let columns: ClickHouseColumns
    let values: [ClickHouseValue]

    subscript(_ name: String) -> ClickHouseValue? { columns.position(of: name).map { values[$0] } }

    func string(_ name: String) -> String? { self[name]?.string }

    func int(_ name: String) -> Int64? { self[name]?.int }

    func double(_ name: String) -> Double? { self[name]?.double }

    func bool(_ name: String) -> Bool { (int(name) ?? 0) != 0 }

    /// A `sumMap` answer, `[[keys…], [values…]]`, as pairs.
    func map(_ name: String) -> [(key: Int, value: UInt64)] {
        guard let pair = self[name]?.array, pair.count == 2, let keys = pair[0].array, let counts = pair[1].array else { return [] }
        return zip(keys, counts).compactMap { key, count in
            guard let key = key.int, let count = count.int, count >= 0 else { return nil }
            return (Int(key), UInt64(count))
        }
    }

    func strings(_ name: String) -> [String] { self[name]?.array?.compactMap(\.string) ?? [] }

    func ints(_ name: String) -> [Int64] { self[name]?.array?.compactMap(\.int) ?? [] }

    func doubles(_ name: String) -> [Double] { self[name]?.array?.compactMap(\.double) ?? [] }
}
