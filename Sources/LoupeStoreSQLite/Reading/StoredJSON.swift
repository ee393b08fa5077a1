import Foundation
import LoupeCore
import LoupeStore

/// Reads back the JSON columns written from ``SpanText``; unreadable text yields empty values rather than failing a query.
enum StoredJSON {
    private struct StoredEvent: Decodable {
        var name: String
        var time_ns: Int64
        var attributes: [String: AttributeValue]
    }

    static func attributes(_ text: String?) -> [String: AttributeValue] {
        guard let text, text != "{}", let data = text.data(using: .utf8) else { return [:] }
        return (try? JSONDecoder().decode([String: AttributeValue].self, from: data)) ?? [:]
    }

    /// Business labels are a flat object of strings, read for every span of a large read (failures
    /// by the ten thousand): `JSONSerialization` reads them several times faster than `JSONDecoder`.
    static func dimensions(_ text: String?) -> [String: String] {
        guard let text, text != "{}", let data = text.data(using: .utf8) else { return [:] }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: String] ?? [:]
    }

    /// A JSON path naming one key of an object, quoted so that any key (dots, spaces) names itself.
    static func path(ofKey key: String) -> String {
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "$.\"\(escaped)\""
    }

    static func events(_ text: String?) -> [SpanEvent] {
        guard let text, text != "[]", let data = text.data(using: .utf8),
            let events = try? JSONDecoder().decode([StoredEvent].self, from: data)
        else { return [] }
        return events.map { SpanEvent(name: $0.name, timeNanos: $0.time_ns, attributes: $0.attributes) }
    }
}
