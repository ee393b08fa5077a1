import LoupeCore

extension RawSpan {
    /// A span from OTLP's fields, or why it cannot be stored. Both protobuf readers and the JSON
    /// path go through here, so they accept and reject the same spans.
    static func fromOTLP<ID: Collection<UInt8>>(
        traceID: ID, spanID: ID, parentSpanID: ID, flags: UInt32, name: String, kind: Int, start: UInt64, end: UInt64,
        statusCode: Int, statusMessage: String, attributes: [String: AttributeValue],
        resource: [String: AttributeValue], scope: String?, events: [SpanEvent]
    ) -> Result<RawSpan, SpanRejection> {
        guard traceID.count == 16, traceID.contains(where: { $0 != 0 }) else { return .failure(.invalidTraceId) }
        guard spanID.count == 8, spanID.contains(where: { $0 != 0 }) else { return .failure(.invalidSpanId) }
        guard parentSpanID.isEmpty || parentSpanID.count == 8 else { return .failure(.invalidParentSpanId) }
        guard start > 0, end > 0 else { return .failure(.missingTimestamps) }
        guard start <= UInt64(Int64.max), end <= UInt64(Int64.max) else { return .failure(.timestampOutOfRange) }
        guard end >= start else { return .failure(.endsBeforeStart) }
        let parent = parentSpanID.isEmpty || !parentSpanID.contains(where: { $0 != 0 }) ? nil : HexID.encode(parentSpanID)
        return .success(
            RawSpan(
                traceId: HexID.encode(traceID), spanId: HexID.encode(spanID), parentSpanId: parent,
                parentIsRemote: parent != nil && OTLPSpanFlags.parentIsRemote(flags),
                name: name.isEmpty ? "(unnamed)" : name, kind: SpanKind(rawValue: kind) ?? .unspecified,
                startNanos: Int64(clamping: start), endNanos: Int64(clamping: end),
                statusCode: SpanStatus(otlpCode: statusCode), statusMessage: statusMessage.isEmpty ? nil : statusMessage,
                attributes: attributes, resourceAttributes: resource, scopeName: scope, events: events
            )
        )
    }
}
