import Foundation
import LoupeCore

/// Rewrites OTLP JSON's hex ids into the base64 that proto3 JSON expects for `bytes` fields.
///
/// An id that is neither hex nor base64 becomes empty, so that span is rejected on its own
/// (partial success) instead of failing the whole request.
enum OTLPJSONIdentifiers {
    static func rewriteResourceSpans(_ value: Any) -> Any {
        guard var resourceSpans = value as? [String: Any] else { return value }
        if let scopeSpans = resourceSpans["scopeSpans"] as? [Any] {
            resourceSpans["scopeSpans"] = scopeSpans.map { scope -> Any in
                guard var scope = scope as? [String: Any] else { return scope }
                if let spans = scope["spans"] as? [Any] { scope["spans"] = spans.map(rewriteSpan) }
                return scope
            }
        }
        return resourceSpans
    }

    static func rewriteResourceLogs(_ value: Any) -> Any {
        guard var resourceLogs = value as? [String: Any] else { return value }
        if let scopeLogs = resourceLogs["scopeLogs"] as? [Any] {
            resourceLogs["scopeLogs"] = scopeLogs.map { scope -> Any in
                guard var scope = scope as? [String: Any] else { return scope }
                if let records = scope["logRecords"] as? [Any] {
                    scope["logRecords"] = records.map { record -> Any in
                        guard var record = record as? [String: Any] else { return record }
                        rewriteIDs(in: &record, keys: ["traceId", "spanId"])
                        return record
                    }
                }
                return scope
            }
        }
        return resourceLogs
    }

    private static func rewriteSpan(_ value: Any) -> Any {
        guard var span = value as? [String: Any] else { return value }
        rewriteIDs(in: &span, keys: ["traceId", "spanId", "parentSpanId"])
        if let links = span["links"] as? [Any] {
            span["links"] = links.map { link -> Any in
                guard var link = link as? [String: Any] else { return link }
                rewriteIDs(in: &link, keys: ["traceId", "spanId"])
                return link
            }
        }
        return span
    }

    private static func rewriteIDs(in object: inout [String: Any], keys: [String]) {
        for key in keys {
            guard let text = object[key] as? String else { continue }
            if let bytes = HexID.decode(text) {
                object[key] = Data(bytes).base64EncodedString()
            } else if Data(base64Encoded: text) == nil {
                object[key] = ""
            }
        }
    }
}
