/// The column names of an answer's rows, read once and shared by every row.
final class ClickHouseColumns: Sendable {
    private let utf8Names: [[UInt8]]
    private let positions: [String: Int]

    init(_ names: [String]) {
        self.utf8Names = names.map { Array($0.utf8) }
        self.positions = Dictionary(names.enumerated().map { ($1, $0) }) { first, _ in first }
    }

    var count: Int { utf8Names.count }

    func utf8Name(at position: Int) -> [UInt8]? { position < utf8Names.count ? utf8Names[position] : nil }

    func position(of name: String) -> Int? { positions[name] }
}
