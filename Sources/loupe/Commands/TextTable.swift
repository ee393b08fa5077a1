import Foundation

/// Aligned plain-text tables. The first row is the header; a column whose cells are all numbers
/// (or `-` for none) is right-aligned, header included, and every other column left-aligned.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        let body = rows.dropFirst()
        let widths = header.indices.map { i in rows.map { i < $0.count ? $0[i].count : 0 }.max() ?? 0 }
        let numeric = header.indices.map { i in
            body.allSatisfy { row in
                let cell = i < row.count ? row[i] : ""
                return cell == "-" || cell.isEmpty || Double(cell.replacingOccurrences(of: "$", with: "")) != nil
            }
        }
        func line(_ cells: [String]) -> String {
            header.indices.map { i in
                let cell = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return numeric[i] ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        var out = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += body.map(line)
        return out.joined(separator: "\n")
    }
}
