import LoupeCore

/// The log records of one request that Loupe keeps, each with its resource, and a count of those that
/// cannot be read, by reason. Records that are neither GenAI events nor in a trace are neither: they
/// are accepted and left aside.
public struct DecodedLogRecords: DecodedItems, Sendable {
    /// Records with no project, service or id yet: the server's pipeline gives them.
    public var records: [(record: LogRecord, resource: [String: AttributeValue])]
    public var rejected: [LogRecordRejection: Int]

    public init(records: [(record: LogRecord, resource: [String: AttributeValue])] = [], rejected: [LogRecordRejection: Int] = [:]) {
        self.records = records
        self.rejected = rejected
    }

    public static let itemName = "log record"
    public static let tooFarAhead = LogRecordRejection.startsInFuture
    public static func time(of item: (record: LogRecord, resource: [String: AttributeValue])) -> Int64 { item.record.timeNanos }

    public var items: [(record: LogRecord, resource: [String: AttributeValue])] {
        get { records }
        _modify { yield &records }
    }
}
