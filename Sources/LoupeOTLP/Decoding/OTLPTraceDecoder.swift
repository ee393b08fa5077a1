import Foundation
import SwiftProtobuf

/// Reads `ExportTraceServiceRequest` bodies in both OTLP/HTTP encodings.
public enum OTLPTraceDecoder {
    public static func decode(protobuf data: Data) throws(OTLPDecodingError) -> OTLPExportTraceServiceRequest {
        try OTLPMessageReader.decode(protobuf: data, as: OTLPExportTraceServiceRequest.self, request: "ExportTraceServiceRequest")
    }

    /// Reads a collector's protobuf `ExportTraceServiceResponse`; returns the spans it rejected.
    public static func rejectedSpans(inResponse bytes: [UInt8]) throws -> Int64 {
        try OTLPExportTraceServiceResponse(serializedBytes: bytes).partialSuccess.rejectedSpans
    }

    /// Hex ids are rewritten into base64 first (``OTLPMessageReader``).
    public static func decode(json data: Data) throws(OTLPDecodingError) -> OTLPExportTraceServiceRequest {
        try OTLPMessageReader.decode(
            data, as: OTLPExportTraceServiceRequest.self, list: "resourceSpans", request: "ExportTraceServiceRequest",
            rewrite: OTLPJSONIdentifiers.rewriteResourceSpans)
    }

    /// SwiftProtobuf names its JSON errors in one word; an exporter's author needs the sentence.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? JSONDecodingError else { return String(describing: error) }
        switch error {
        case .malformedNumber:
            return "a number field (a time such as startTimeUnixNano, a count, an intValue) holds something that is not a whole number; times are nanoseconds since the epoch, as a decimal string such as \"1700000000000000000\""
        case .numberRange:
            return "a number is out of range for its field; startTimeUnixNano and endTimeUnixNano are unsigned 64-bit nanoseconds"
        case .schemaMismatch:
            return "a field holds the wrong kind of value (an object where a list belongs, or the reverse)"
        case .malformedString, .invalidUTF8:
            return "a string is malformed or not valid UTF-8"
        case .unrecognizedEnumValue:
            return "an enum field (kind, status code) holds an unknown name"
        case .messageDepthLimit:
            return "the message nests deeper than OTLP allows"
        default:
            return String(describing: error)
        }
    }
}
