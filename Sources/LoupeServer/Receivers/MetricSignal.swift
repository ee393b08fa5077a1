import Foundation
import LoupeCore
import LoupeOTLP
import LoupeStore

/// `/v1/metrics`: the GenAI histograms (``GenAIMetricKind``), stored as rollup deltas
/// (``MetricRollups``). Other metrics, and those of services that send spans, are accepted and
/// left aside; only the points that add to the rollups count as stored.
struct MetricSignal: OTLPSignal {
    typealias Response = OTLPExportMetricsServiceResponse

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

    static func outcome(accepted: Int, rejected: Int) -> IngestCounters.Outcome {
        .acceptedPoints(points: accepted, rejected: rejected)
    }
}
