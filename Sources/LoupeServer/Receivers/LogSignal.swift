import Foundation
import LoupeCore
import LoupeOTLP
import LoupeStore

/// `/v1/logs`: GenAI events and logs in a trace, redacted like span content and stored with their
/// trace (``LogRecord``). Other records are accepted and left aside.
struct LogSignal: OTLPSignal {
    typealias Response = OTLPExportLogsServiceResponse

    static let path = "/v1/logs"
    static let name = "logs"
    static let itemKey = "log_records"

    let pipeline: IngestPipeline

    func prepare(_ body: Data, encoding: OTLPEncoding, project: String?, nowNanos: Int64) throws -> OTLPPrepared {
        let request = encoding == .protobuf ? try OTLPLogsDecoder.decode(protobuf: body) : try OTLPLogsDecoder.decode(json: body)
        let (records, rejected) = pipeline.logRecords(from: request.decodedRecords(), project: project, nowNanos: nowNanos)
        return OTLPPrepared(
            batch: SpanBatch(logs: records), items: records.count, rejected: rejected.rejectedCount,
            rejectionMessage: rejected.rejectionMessage, project: records.first?.project)
    }

    static func outcome(accepted: Int, rejected: Int) -> IngestCounters.Outcome {
        .acceptedLogRecords(records: accepted, rejected: rejected)
    }
}
