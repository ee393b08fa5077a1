extension FinishedSpan {
    /// The instrumentation scope Loupe's spans are exported under.
    public static let defaultScopeName = "Loupe"

    /// This span as `LoupeCore`'s ``RawSpan``: lower-case hex ids, Unix nanoseconds, attributes as
    /// recorded, status and events; ready for `OTLPTraceEncoder.request(from:)`.
    ///
    /// - Parameters:
    ///   - resource: the process's resource attributes (`service.name`, …), which OTLP sends once
    ///     per batch rather than per span.
    ///   - scopeName: the instrumentation scope.
    public func toRawSpan(
        resource: [String: AttributeValue] = [:], scopeName: String? = FinishedSpan.defaultScopeName
    ) -> RawSpan {
        RawSpan(
            traceId: context.traceID.hexString, spanId: context.spanID.hexString,
            parentSpanId: parentSpanID?.hexString, name: name, kind: kind, startNanos: startUnixNanos,
            endNanos: endUnixNanos, statusCode: status, statusMessage: statusMessage, attributes: attributes,
            resourceAttributes: resource, scopeName: scopeName, events: events)
    }
}
