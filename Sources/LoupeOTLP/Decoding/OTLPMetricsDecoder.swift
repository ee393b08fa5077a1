import Foundation
import SwiftProtobuf

/// Reads `ExportMetricsServiceRequest` bodies in both OTLP/HTTP encodings.
///
/// Metrics carry no trace or span ids outside exemplars (which Loupe does not read), so OTLP JSON
/// and proto3 JSON agree on everything read here, and SwiftProtobuf reads the JSON as it came.
public enum OTLPMetricsDecoder {
    static let request = "ExportMetricsServiceRequest"

    public static func decode(protobuf data: Data) throws(OTLPDecodingError) -> OTLPExportMetricsServiceRequest {
        do {
            return try OTLPExportMetricsServiceRequest(serializedBytes: data)
        } catch {
            throw .malformedProtobuf(String(describing: error), request: request)
        }
    }

    public static func decode(json data: Data) throws(OTLPDecodingError) -> OTLPExportMetricsServiceRequest {
        do {
            var options = JSONDecodingOptions()
            options.ignoreUnknownFields = true
            return try OTLPExportMetricsServiceRequest(jsonUTF8Data: data, options: options)
        } catch {
            throw .malformedJSON(OTLPTraceDecoder.explain(error), request: request)
        }
    }
}
