/// Why one log record of a request was not accepted; the rest of the request still is.
public enum LogRecordRejection: String, Error, Sendable, Hashable, CaseIterable {
    case invalidTraceId = "trace id is not 16 bytes"
    case invalidSpanId = "span id is not 8 bytes"
    case missingTime = "neither time nor observed time is set"
    case timestampOutOfRange = "a time is negative as a signed 64-bit count of nanoseconds"
    case startsInFuture = "record is more than a day in the future"
}
