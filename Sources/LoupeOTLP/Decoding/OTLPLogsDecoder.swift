import Foundation

/// Reads `ExportLogsServiceRequest` bodies in both OTLP/HTTP encodings.
public enum OTLPLogsDecoder {
    static let request = "ExportLogsServiceRequest"

    public static func decode(protobuf data: Data) throws(OTLPDecodingError) -> OTLPExportLogsServiceRequest {
        try OTLPMessageReader.decode(protobuf: data, as: OTLPExportLogsServiceRequest.self, request: request)
    }

    /// Hex trace and span ids are rewritten into base64 first (``OTLPMessageReader``).
    public static func decode(json data: Data) throws(OTLPDecodingError) -> OTLPExportLogsServiceRequest {
        try OTLPMessageReader.decode(
            data, as: OTLPExportLogsServiceRequest.self, list: "resourceLogs", request: request,
            rewrite: OTLPJSONIdentifiers.rewriteResourceLogs)
    }
}
