import LoupeCore
import LoupeStore

/// One group of a summary: its dimension values and what its rollups add up to, per unit.
public struct SummaryGroup: Sendable, Hashable {
    /// TelemetryDimension name to value, for each dimension grouped by.
    public var key: [String: String]
    public var measures: UnitMeasures
    /// Requests with at least one failed model call, recovered or not; nil where the grouping or
    /// filters reach below a request (see ``SummaryQuery/countsRequestsWithFailedCalls``).
    public var requestsWithFailedCall: Int64?

    public init(key: [String: String], measures: UnitMeasures, requestsWithFailedCall: Int64? = nil) {
        self.key = key
        self.measures = measures
        self.requestsWithFailedCall = requestsWithFailedCall
    }

    /// The share of requests with a failed call, nil when unknown or when there was no request.
    public var failedCallShare: Double? {
        guard let requestsWithFailedCall, measures.requests.count > 0 else { return nil }
        return min(1, Double(requestsWithFailedCall) / Double(measures.requests.count))
    }
}
