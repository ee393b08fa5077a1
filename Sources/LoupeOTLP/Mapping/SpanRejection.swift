/// Why one span of a request was not accepted; the rest of the request still is.
public enum SpanRejection: String, Error, Sendable, Hashable, CaseIterable {
    case invalidTraceId = "trace id is not 16 bytes or is all zero"
    case invalidSpanId = "span id is not 8 bytes or is all zero"
    case invalidParentSpanId = "parent span id is not 8 bytes"
    case missingTimestamps = "start or end time is missing"
    case endsBeforeStart = "span ends before it starts"
    case timestampOutOfRange = "start or end time is negative as a signed 64-bit count of nanoseconds"
    case startsInFuture = "span starts more than a day in the future"
}
