import LoupeCore

/// The log records of one request that Loupe keeps, each with its resource, and a count of those that
/// cannot be read, by reason. Records that are neither GenAI events nor in a trace are neither: they
/// are accepted and left aside.
public struct DecodedLogRecords: Sendable {
    /// Records with no project, service or id yet: the server's pipeline gives them.
    public var records: [(record: LogRecord, resource: [String: AttributeValue])]
    public var rejected: [LogRecordRejection: Int]

    public init(records: [(record: LogRecord, resource: [String: AttributeValue])] = [], rejected: [LogRecordRejection: Int] = [:]) {
        self.records = records
        self.rejected = rejected
    }

    /// Rejects records timed after `latestNanos`, as spans starting then are (``DecodedSpans/rejectStarting(after:)``).
    public mutating func rejectTimed(after latestNanos: Int64) {
        let before = records.count
        records.removeAll { $0.record.timeNanos > latestNanos }
        if records.count < before { rejected[.startsInFuture, default: 0] += before - records.count }
    }

    public var rejectedCount: Int { rejected.values.reduce(0, +) }

    /// A human-readable summary for OTLP's `partial_success.error_message`.
    public var rejectionMessage: String? {
        guard !rejected.isEmpty else { return nil }
        let parts = LogRecordRejection.allCases.compactMap { reason in
            rejected[reason].map { "\($0) log record\($0 == 1 ? "" : "s"): \(reason.rawValue)" }
        }
        return "rejected " + parts.joined(separator: "; ")
    }
}
