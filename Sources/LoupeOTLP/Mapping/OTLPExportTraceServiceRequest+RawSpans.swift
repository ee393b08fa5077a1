import Foundation
import LoupeCore

extension OTLPExportTraceServiceRequest {
    /// Validates and converts every span; invalid spans are counted by reason, never thrown.
    public func decodedSpans() -> DecodedSpans {
        var result = DecodedSpans()
        result.spans.reserveCapacity(resourceSpans.reduce(0) { $0 + $1.scopeSpans.reduce(0) { $0 + $1.spans.count } })
        for resourceSpan in resourceSpans {
            let resource = OTLPKeyValue.attributes(resourceSpan.resource.attributes)
            for scopeSpan in resourceSpan.scopeSpans {
                let scope = scopeSpan.scope.name.isEmpty ? nil : scopeSpan.scope.name
                for span in scopeSpan.spans {
                    switch Self.raw(span, resource: resource, scope: scope) {
                    case .success(let raw): result.spans.append(raw)
                    case .failure(let reason): result.rejected[reason, default: 0] += 1
                    }
                }
            }
        }
        return result
    }

    private static func raw(_ span: OTLPSpan, resource: [String: AttributeValue], scope: String?) -> Result<RawSpan, SpanRejection> {
        guard span.traceID.count == 16, span.traceID.contains(where: { $0 != 0 }) else { return .failure(.invalidTraceId) }
        guard span.spanID.count == 8, span.spanID.contains(where: { $0 != 0 }) else { return .failure(.invalidSpanId) }
        guard span.parentSpanID.isEmpty || span.parentSpanID.count == 8 else { return .failure(.invalidParentSpanId) }
        guard span.startTimeUnixNano > 0, span.endTimeUnixNano > 0 else { return .failure(.missingTimestamps) }
        guard span.endTimeUnixNano >= span.startTimeUnixNano else { return .failure(.endsBeforeStart) }
        let parent = span.parentSpanID.isEmpty || !span.parentSpanID.contains(where: { $0 != 0 })
            ? nil : HexID.encode(span.parentSpanID)
        return .success(
            RawSpan(
                traceId: HexID.encode(span.traceID), spanId: HexID.encode(span.spanID), parentSpanId: parent,
                name: span.name.isEmpty ? "(unnamed)" : span.name, kind: SpanKind(rawValue: span.kind.rawValue) ?? .unspecified,
                startNanos: Int64(clamping: span.startTimeUnixNano), endNanos: Int64(clamping: span.endTimeUnixNano),
                statusCode: SpanStatus(otlpCode: span.status.code.rawValue),
                statusMessage: span.status.message.isEmpty ? nil : span.status.message,
                attributes: OTLPKeyValue.attributes(span.attributes), resourceAttributes: resource, scopeName: scope,
                events: span.events.map {
                    SpanEvent(name: $0.name, timeNanos: Int64(clamping: $0.timeUnixNano), attributes: OTLPKeyValue.attributes($0.attributes))
                }
            )
        )
    }
}
