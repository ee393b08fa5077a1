/// Failed spans that started in a time range, newest first: the raw material of the errors report.
///
/// Failures are a small share of traffic and are indexed on their own, so reading them is cheap
/// even when the range holds millions of spans.
public struct FailedSpanQuery: Sendable, Hashable {
    public var fromNanos: Int64
    public var toNanos: Int64
    public var project: String?
    public var limit: Int
    /// Whether to read attributes, events and resource too; the errors report needs none of them,
    /// and leaving them out makes reading tens of thousands of failures several times cheaper.
    public var withContent: Bool

    public init(fromNanos: Int64, toNanos: Int64, project: String? = nil, limit: Int = 50_000, withContent: Bool = true) {
        self.withContent = withContent
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.project = project
        self.limit = limit
    }

    public func matches(_ span: LoupeCore.SpanRecord) -> Bool {
        span.isError && span.startNanos >= fromNanos && span.startNanos < toNanos && (project == nil || span.project == project)
    }
}

import LoupeCore
