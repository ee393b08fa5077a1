import Foundation
import SwiftProtobuf

/// Reads `ExportLogsServiceRequest` bodies in both OTLP/HTTP encodings.
public enum OTLPLogsDecoder {
    static let request = "ExportLogsServiceRequest"

    public static func decode(protobuf data: Data) throws(OTLPDecodingError) -> OTLPExportLogsServiceRequest {
        do {
            return try OTLPExportLogsServiceRequest(serializedBytes: data)
        } catch {
            throw .malformedProtobuf(String(describing: error), request: request)
        }
    }

    /// Hex trace and span ids are rewritten into base64 first (``OTLPJSONReader``).
    public static func decode(json data: Data) throws(OTLPDecodingError) -> OTLPExportLogsServiceRequest {
        try OTLPJSONReader.decode(
            data, as: OTLPExportLogsServiceRequest.self, list: "resourceLogs", request: request,
            rewrite: OTLPJSONIdentifiers.rewriteResourceLogs)
    }
}
