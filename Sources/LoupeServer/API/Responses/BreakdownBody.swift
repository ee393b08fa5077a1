import Hummingbird
import LoupeAnalytics
import LoupeStore

/// `GET /api/v1/breakdown`.
struct BreakdownBody: ResponseEncodable, Sendable {
    struct Operation: Encodable, Sendable {
        var service: String
        var root: String
        var traces: Int64
    }

    struct Stage: Encodable, Sendable {
        var stage: String
        var share: Double
        var meanMs: Double
        var p50Ms: Double
        var p95Ms: Double
        var traces: Int

        enum CodingKeys: String, CodingKey {
            case stage, share, traces
            case meanMs = "mean_ms"
            case p50Ms = "p50_ms"
            case p95Ms = "p95_ms"
        }
    }

    var from: String
    var to: String
    var operation: Operation?
    var sampledTraces: Int
    var totalP50Ms: Double?
    var totalP95Ms: Double?
    var slowestStage: String?
    var stages: [Stage]
    var operations: [Operation]

    init(_ report: BreakdownReport) {
        from = Timestamps.format(nanos: report.query.range.fromNanos)
        to = Timestamps.format(nanos: report.query.range.toNanos)
        operation = report.operation.map(Operation.init)
        sampledTraces = report.sampledTraces
        totalP50Ms = report.totalP50Ms
        totalP95Ms = report.totalP95Ms
        slowestStage = report.slowest?.stage
        stages = report.stages.map {
            Stage(stage: $0.stage, share: $0.share, meanMs: $0.meanMs, p50Ms: $0.p50Ms, p95Ms: $0.p95Ms, traces: $0.traces)
        }
        operations = report.operations.map(Operation.init)
    }

    enum CodingKeys: String, CodingKey {
        case from, to, operation, stages, operations
        case sampledTraces = "sampled_traces"
        case totalP50Ms = "total_p50_ms"
        case totalP95Ms = "total_p95_ms"
        case slowestStage = "slowest_stage"
    }
}

extension BreakdownBody.Operation {
    init(_ operation: RootOperation) {
        self.init(service: operation.service, root: operation.name, traces: operation.traces)
    }
}
