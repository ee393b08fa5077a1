/// The outcome of a span. OpenTelemetry leaves status unset on success, so `unset` counts as success.
public enum SpanStatus: String, Sendable, Hashable, Codable {
    case unset
    case ok
    case error

    /// Maps OTLP's `Status.code` (0 unset, 1 ok, 2 error); unknown codes are treated as unset.
    public init(otlpCode: Int) {
        switch otlpCode {
        case 1: self = .ok
        case 2: self = .error
        default: self = .unset
        }
    }

    public var isError: Bool { self == .error }
}
