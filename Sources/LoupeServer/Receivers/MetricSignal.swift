import Foundation
import LoupeCore
import LoupeOTLP
import LoupeStore
import SwiftProtobuf

/// `/v1/metrics`: the GenAI histograms (``GenAIMetricKind``), stored as rollup deltas
/// (``MetricRollups``). Other metrics, and those of services that send spans, are accepted and
/// left aside; only the points that add to the rollups count as stored.
struct MetricSignal: OTLPSignal {
    static let path = "/v1/metrics"
    static let name = "metrics"
    static let itemKey = "data_points"

    let rollups: MetricRollups

    func prepare(_ body: Data, encoding: OTLPEncoding, project: String?, nowNanos: Int64) throws -> OTLPPrepared {
        let request = encoding == .protobuf ? try OTLPMetricsDecoder.decode(protobuf: body) : try OTLPMetricsDecoder.decode(json: body)
        var decoded = request.decodedPoints()
        decoded.rejectTimed(after: nowNanos &+ IngestPipeline.maxClockSkewNanos)
        let (measured, stored) = rollups.rollups(of: decoded.points, project: project, nowNanos: nowNanos)
        return OTLPPrepared(
            batch: SpanBatch(measuredRollups: measured), items: stored, rejected: decoded.rejectedCount,
            rejectionMessage: decoded.rejectionMessage, project: measured.rows.keys.first?.project)
    }

    static func answer(rejected: Int, message: String?) -> any SwiftProtobuf.Message {
        var response = OTLPExportMetricsServiceResponse()
        if rejected > 0 || message != nil {
            response.partialSuccess.rejectedDataPoints = Int64(rejected)
            response.partialSuccess.errorMessage = message ?? ""
        }
        return response
    }

    static func outcome(accepted: Int, rejected: Int) -> IngestCounters.Outcome {
        .acceptedPoints(points: accepted, rejected: rejected)
    }
}
