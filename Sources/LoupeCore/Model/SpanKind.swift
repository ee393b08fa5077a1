/// The OpenTelemetry span kind, with its wire numbers.
public enum SpanKind: Int, Sendable, Hashable, Codable {
    case unspecified = 0
    case `internal` = 1
    case server = 2
    case client = 3
    case producer = 4
    case consumer = 5
}
