import Foundation

/// Reads `ExportMetricsServiceRequest` bodies in both OTLP/HTTP encodings.
///
/// Metrics carry no trace or span ids outside exemplars (which Loupe does not read), so the JSON
/// needs no rewriting.
public enum OTLPMetricsDecoder {
    static let request = "ExportMetricsServiceRequest"

    public static func decode(protobuf data: Data) throws(OTLPDecodingError) -> OTLPExportMetricsServiceRequest {
        try OTLPMessageReader.decode(protobuf: data, as: OTLPExportMetricsServiceRequest.self, request: request)
    }

    public static func decode(json data: Data) throws(OTLPDecodingError) -> OTLPExportMetricsServiceRequest {
        try OTLPMessageReader.decode(data, as: OTLPExportMetricsServiceRequest.self, list: "resourceMetrics", request: request) { $0 }
    }
}
