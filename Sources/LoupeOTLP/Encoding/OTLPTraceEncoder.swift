import Foundation
import LoupeCore
import SwiftProtobuf

/// Builds `ExportTraceServiceRequest`s from spans, grouping them by resource and scope.
public enum OTLPTraceEncoder {
    public static func request(from spans: [RawSpan]) -> OTLPExportTraceServiceRequest {
        struct Group: Hashable {
            var resource: [String: AttributeValue]
            var scope: String?
        }
        var order: [Group] = []
        var grouped: [Group: [OTLPSpan]] = [:]
        for raw in spans {
            let group = Group(resource: raw.resourceAttributes, scope: raw.scopeName)
            if grouped[group] == nil { order.append(group) }
            grouped[group, default: []].append(span(raw))
        }
        var request = OTLPExportTraceServiceRequest()
        var byResource: [[String: AttributeValue]: Int] = [:]
        for group in order {
            var scopeSpans = OTLPScopeSpans()
            scopeSpans.scope.name = group.scope ?? ""
            scopeSpans.spans = grouped[group] ?? []
            if let index = byResource[group.resource] {
                request.resourceSpans[index].scopeSpans.append(scopeSpans)
            } else {
                var resourceSpans = OTLPResourceSpans()
                resourceSpans.resource.attributes = OTLPKeyValue.list(group.resource)
                resourceSpans.scopeSpans = [scopeSpans]
                byResource[group.resource] = request.resourceSpans.count
                request.resourceSpans.append(resourceSpans)
            }
        }
        return request
    }

    /// The protobuf body of an OTLP/HTTP export request for these spans.
    public static func protobufBody(from spans: [RawSpan]) throws -> [UInt8] {
        try request(from: spans).serializedBytes()
    }

    public static func span(_ raw: RawSpan) -> OTLPSpan {
        var span = OTLPSpan()
        span.traceID = .init(HexID.decode(raw.traceId) ?? [])
        span.spanID = .init(HexID.decode(raw.spanId) ?? [])
        if let parent = raw.parentSpanId {
            span.parentSpanID = .init(HexID.decode(parent) ?? [])
            span.flags = OTLPSpanFlags.flags(parentIsRemote: raw.parentIsRemote)
        }
        span.name = raw.name
        span.kind = OTLPSpan.SpanKind(rawValue: raw.kind.rawValue) ?? .unspecified
        span.startTimeUnixNano = UInt64(clamping: raw.startNanos)
        span.endTimeUnixNano = UInt64(clamping: raw.endNanos)
        span.attributes = OTLPKeyValue.list(raw.attributes)
        span.status.code = switch raw.statusCode {
        case .unset: .unset
        case .ok: .ok
        case .error: .error
        }
        span.status.message = raw.statusMessage ?? ""
        span.events = raw.events.map { event in
            var e = OTLPSpan.Event()
            e.name = event.name
            e.timeUnixNano = UInt64(clamping: event.timeNanos)
            e.attributes = OTLPKeyValue.list(event.attributes)
            return e
        }
        return span
    }
}
