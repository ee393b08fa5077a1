import Foundation

/// The two OTLP/HTTP body encodings; a response always uses the request's.
enum OTLPEncoding: Sendable {
    case protobuf
    case json

    /// Reads a Content-Type header (parameters such as `charset` are ignored); nil when unsupported.
    init?(contentType: String?) {
        guard let contentType else { return nil }
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        switch mediaType {
        case "application/x-protobuf", "application/protobuf": self = .protobuf
        case "application/json": self = .json
        default: return nil
        }
    }

    var contentType: String {
        switch self {
        case .protobuf: return "application/x-protobuf"
        case .json: return "application/json"
        }
    }
}
