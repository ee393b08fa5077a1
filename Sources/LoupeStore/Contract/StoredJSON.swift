import Foundation
import LoupeCore

/// Reads back the JSON text written by ``SpanText``, for every store that keeps it so; unreadable
/// text yields empty values rather than failing a query.
public enum StoredJSON {
    private struct StoredEvent: Decodable {
        var name: String
        var time_ns: Int64
        var attributes: [String: AttributeValue]
    }

    public static func attributes(_ text: String?) -> [String: AttributeValue] {
        guard let text, text != "{}", let data = text.data(using: .utf8) else { return [:] }
        return (try? JSONDecoder().decode([String: AttributeValue].self, from: data)) ?? [:]
    }

    /// Business labels are a flat object of strings, read for every span of a large read (failures
    /// by the ten thousand): `JSONSerialization` reads them several times faster than `JSONDecoder`.
    public static func dimensions(_ text: String?) -> [String: String] {
        guard let text, text != "{}", let data = text.data(using: .utf8) else { return [:] }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: String] ?? [:]
    }

    /// One attribute value, such as a log record's body.
    public static func value(_ text: String) -> AttributeValue? {
        try? JSONDecoder().decode(AttributeValue.self, from: Data(text.utf8))
    }

    public static func events(_ text: String?) -> [SpanEvent] {
        guard let text, text != "[]", let data = text.data(using: .utf8),
            let events = try? JSONDecoder().decode([StoredEvent].self, from: data)
        else { return [] }
        return events.map { SpanEvent(name: $0.name, timeNanos: $0.time_ns, attributes: $0.attributes) }
    }
}
