/// What a retention batch or an erasure deleted.
public struct DeletedCounts: Sendable, Hashable, Codable {
    public var traces = 0
    public var spans = 0
    public var scores = 0
    public var retrievals = 0
    public var logRecords = 0
    public var rollupRows = 0

    public init(traces: Int = 0, spans: Int = 0, scores: Int = 0, retrievals: Int = 0, logRecords: Int = 0, rollupRows: Int = 0) {
        self.traces = traces
        self.spans = spans
        self.scores = scores
        self.retrievals = retrievals
        self.logRecords = logRecords
        self.rollupRows = rollupRows
    }

    public var total: Int { traces + spans + scores + retrievals + logRecords + rollupRows }

    public static func + (a: DeletedCounts, b: DeletedCounts) -> DeletedCounts {
        DeletedCounts(
            traces: a.traces + b.traces, spans: a.spans + b.spans, scores: a.scores + b.scores, retrievals: a.retrievals + b.retrievals,
            logRecords: a.logRecords + b.logRecords, rollupRows: a.rollupRows + b.rollupRows
        )
    }

    public static func += (a: inout DeletedCounts, b: DeletedCounts) { a = a + b }

    enum CodingKeys: String, CodingKey {
        case traces, spans, scores, retrievals
        case logRecords = "log_records"
        case rollupRows = "rollup_rows"
    }
}
