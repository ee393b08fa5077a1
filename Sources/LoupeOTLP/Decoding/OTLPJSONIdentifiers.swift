import Foundation
import LoupeCore

/// Rewrites OTLP JSON's hex ids into the base64 that proto3 JSON expects for `bytes` fields.
///
/// An id that is neither hex nor base64 becomes empty, so that span is rejected on its own
/// (partial success) instead of failing the whole request.
enum OTLPJSONIdentifiers {
    static func rewriteResourceSpans(_ value: Any) -> Any {
        rewrite(value, scopes: "scopeSpans", items: "spans", item: rewriteSpan)
    }

    static func rewriteResourceLogs(_ value: Any) -> Any {
        rewrite(value, scopes: "scopeLogs", items: "logRecords") { record in
            guard var record = record as? [String: Any] else { return record }
            rewriteIDs(in: &record, keys: ["traceId", "spanId"])
            return record
        }
    }

    /// Rewrites every item of every scope of one resource element (`resourceSpans[i]`).
    private static func rewrite(_ value: Any, scopes: String, items: String, item: (Any) -> Any) -> Any {
        guard var resource = value as? [String: Any] else { return value }
        if let list = resource[scopes] as? [Any] {
            resource[scopes] = list.map { scope -> Any in
                guard var scope = scope as? [String: Any] else { return scope }
                if let elements = scope[items] as? [Any] { scope[items] = elements.map(item) }
                return scope
            }
        }
        return resource
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
