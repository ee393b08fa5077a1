import LoupeCore

/// The spans of one request that can be stored, and a count of those that cannot, by reason.
public struct DecodedSpans: DecodedItems, Sendable {
    public var spans: [RawSpan]
    public var rejected: [SpanRejection: Int]

    public init(spans: [RawSpan] = [], rejected: [SpanRejection: Int] = [:]) {
        self.spans = spans
        self.rejected = rejected
    }

    public static let itemName = "span"
    public static let tooFarAhead = SpanRejection.startsInFuture
    public static func time(of span: RawSpan) -> Int64 { span.startNanos }

    public var items: [RawSpan] {
        get { spans }
        _modify { yield &spans }
    }
}
