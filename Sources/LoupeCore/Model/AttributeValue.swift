/// A typed attribute value, as OpenTelemetry's `AnyValue` carries it.
///
/// Conventions disagree on types (token counts arrive as ints, doubles or strings), so the
/// accessors convert leniently: ``intValue`` reads `"42"`, `42` and `42.0` alike.
public enum AttributeValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case bytes([UInt8])
    case array([AttributeValue])
    case kvlist([String: AttributeValue])

    /// The value as text: strings as they are, numbers and booleans printed, the first element of an array.
    public var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .array(let values): return values.first?.stringValue
        case .bytes, .kvlist: return nil
        }
    }

    /// The value as an integer, when it is one or is a whole-number double or numeric string.
    public var intValue: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.isFinite && d.rounded() == d && abs(d) < 9.2e18: return Int64(d)
        case .string(let s):
            if let i = Int64(s) { return i }
            if let d = Double(s), d.isFinite, d.rounded() == d, abs(d) < 9.2e18 { return Int64(d) }
            return nil
        default: return nil
        }
    }

    /// The value as a floating-point number.
    public var doubleValue: Double? {
        switch self {
        case .double(let d): return d
        case .int(let i): return Double(i)
        case .string(let s): return Double(s)
        default: return nil
        }
    }

    /// The value as a boolean (`true`, `"true"`, `1`).
    public var boolValue: Bool? {
        switch self {
        case .bool(let b): return b
        case .string(let s): return s == "true" ? true : (s == "false" ? false : nil)
        case .int(let i): return i != 0
        default: return nil
        }
    }
}

extension AttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
