import LoupeCore

/// An attribute value as the span panel shows it: strings as they are, the rest in JSON's shape.
enum AttributeText {
    static func text(_ value: AttributeValue) -> String {
        switch value {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bytes(let bytes): return "\(bytes.count) bytes"
        case .array(let values): return "[" + values.map(quoted).joined(separator: ", ") + "]"
        case .kvlist(let entries):
            return "{" + entries.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \(quoted($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    private static func quoted(_ value: AttributeValue) -> String {
        if case .string(let s) = value { return "\"\(s)\"" }
        return text(value)
    }
}
