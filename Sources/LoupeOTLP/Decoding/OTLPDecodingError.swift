/// Why an OTLP request body could not be read at all; each case names the fix.
public enum OTLPDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformedProtobuf(String)
    case malformedJSON(String)

    public var description: String {
        switch self {
        case .malformedProtobuf(let detail):
            return "request body is not a valid OTLP protobuf ExportTraceServiceRequest: \(detail)"
        case .malformedJSON(let detail):
            return "request body is not valid OTLP JSON (ExportTraceServiceRequest): \(detail)"
        }
    }
}
