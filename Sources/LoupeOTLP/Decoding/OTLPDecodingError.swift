/// Why an OTLP request body could not be read at all; each case names the fix.
public enum OTLPDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `request`: the OTLP message the body should have held.
    case malformedProtobuf(String, request: String = "ExportTraceServiceRequest")
    case malformedJSON(String, request: String = "ExportTraceServiceRequest")

    public var description: String {
        switch self {
        case .malformedProtobuf(let detail, let request):
            return "request body is not a valid OTLP protobuf \(request): \(detail)"
        case .malformedJSON(let detail, let request):
            return "request body is not valid OTLP JSON (\(request)): \(detail)"
        }
    }
}
