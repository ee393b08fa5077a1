import LoupeOTLP
import SwiftProtobuf

/// An OTLP `Export…ServiceResponse`: what a request answered 200 says it rejected.
protocol OTLPExportResponse: SwiftProtobuf.Message {
    /// Sets `partial_success`: how many items were rejected, and why.
    mutating func setPartialSuccess(rejected: Int64, message: String)
}

extension OTLPExportResponse {
    /// The answer to a request of which `rejected` items were refused; `partial_success` stays
    /// unset when none was, as OTLP asks.
    static func answer(rejected: Int, message: String?) -> Self {
        var response = Self()
        if rejected > 0 || message != nil { response.setPartialSuccess(rejected: Int64(rejected), message: message ?? "") }
        return response
    }
}

extension OTLPExportTraceServiceResponse: OTLPExportResponse {
    mutating func setPartialSuccess(rejected: Int64, message: String) {
        partialSuccess.rejectedSpans = rejected
        partialSuccess.errorMessage = message
    }
}

extension OTLPExportMetricsServiceResponse: OTLPExportResponse {
    mutating func setPartialSuccess(rejected: Int64, message: String) {
        partialSuccess.rejectedDataPoints = rejected
        partialSuccess.errorMessage = message
    }
}

extension OTLPExportLogsServiceResponse: OTLPExportResponse {
    mutating func setPartialSuccess(rejected: Int64, message: String) {
        partialSuccess.rejectedLogRecords = rejected
        partialSuccess.errorMessage = message
    }
}
