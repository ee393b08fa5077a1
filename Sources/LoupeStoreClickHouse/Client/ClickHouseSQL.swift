/// Literals for SQL sent to ClickHouse. Values are quoted here rather than bound, because the HTTP
/// interface of the oldest supported release (18.16) has no query parameters.
enum ClickHouseSQL {
    /// A string literal: backslashes and quotes escaped as ClickHouse reads them, so any span
    /// attribute or user id stays one literal.
    static func string(_ value: String) -> String {
        var out = "'"
        out.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\0": out += "\\0"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }

    /// A list of string literals for `IN (…)`; `('')` when empty, which matches no stored id but does
    /// match an empty column (a score's absent session): guard such lists before calling.
    static func strings(_ values: some Sequence<String>) -> String {
        let list = values.map(string).joined(separator: ",")
        return "(\(list.isEmpty ? "''" : list))"
    }

    /// A 64-bit integer literal.
    static func int(_ value: Int64) -> String { String(value) }
}
