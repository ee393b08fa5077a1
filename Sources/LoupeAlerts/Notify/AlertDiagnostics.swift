/// The evidence sent with a firing alert, read from the same window and group as the breach.
public struct AlertDiagnostics: Sendable, Hashable, Codable {
    public struct FailureMode: Sendable, Hashable, Codable {
        public var category: String
        public var fingerprint: String
        public var count: Int
        public var message: String?
        public var remediation: String
        public var url: String
    }

    public struct Affected: Sendable, Hashable, Codable {
        public var name: String
        public var requests: Int64
        public var errors: Int64
        public var errorRate: Double?
        public var p95Ms: Double?

        enum CodingKeys: String, CodingKey {
            case name, requests, errors
            case errorRate = "error_rate"
            case p95Ms = "p95_ms"
        }
    }

    public struct Stage: Sendable, Hashable, Codable {
        public var stage: String
        public var share: Double
        public var p95Ms: Double?
        public var rootOperation: String?

        enum CodingKeys: String, CodingKey {
            case stage, share
            case p95Ms = "p95_ms"
            case rootOperation = "root_operation"
        }
    }

    /// The breaching value, as the rule measured it.
    public var value: Double?
    public var detail: String
    public var topFailureModes: [FailureMode]
    public var slowestStage: Stage?
    public var affectedModels: [Affected]
    public var affectedUsers: [Affected]
    public var exampleTraces: [String]

    enum CodingKeys: String, CodingKey {
        case value, detail
        case topFailureModes = "top_failure_modes"
        case slowestStage = "slowest_stage"
        case affectedModels = "affected_models"
        case affectedUsers = "affected_users"
        case exampleTraces = "example_traces"
    }
}
