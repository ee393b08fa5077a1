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
        RawSpan.fromOTLP(
            traceID: span.traceID, spanID: span.spanID, parentSpanID: span.parentSpanID, flags: span.flags, name: span.name,
            kind: span.kind.rawValue, start: span.startTimeUnixNano, end: span.endTimeUnixNano,
            statusCode: span.status.code.rawValue, statusMessage: span.status.message,
            attributes: OTLPKeyValue.attributes(span.attributes), resource: resource, scope: scope,
            events: span.events.map {
                SpanEvent(name: $0.name, timeNanos: Int64(clamping: $0.timeUnixNano), attributes: OTLPKeyValue.attributes($0.attributes))
            }
        )
    }
}
