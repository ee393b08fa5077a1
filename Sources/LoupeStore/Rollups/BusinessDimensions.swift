/// Business dimension values packed into one rollup key column: `name=value` pairs sorted by name,
/// separated by the ASCII unit separator, which no sane label contains.
public enum BusinessDimensions {
    static let separator: Character = "\u{1F}"

    public static func canonical(_ dimensions: [String: String]) -> String {
        dimensions.keys.sorted().map { "\($0)=\(dimensions[$0] ?? "")" }.joined(separator: String(separator))
    }

    public static func value(of name: String, in canonical: String) -> String {
        for pair in canonical.split(separator: separator) {
            if let eq = pair.firstIndex(of: "="), pair[..<eq] == name { return String(pair[pair.index(after: eq)...]) }
        }
        return ""
    }
}
