import Foundation
import LoupeCore
import LoupeStore
import Testing

struct SpanTextTests {
    func span(_ id: String, resource: [String: AttributeValue]) -> SpanRecord {
        SpanRecord(
            traceId: "0af7651916cd43dd8448eb211c80319c", spanId: id, project: "acme", service: "rag", name: "chat",
            operation: .llm, startNanos: 1, endNanos: 2, dimensions: ["business_unit": "sales \"emea\""],
            attributes: ["k": "v"], resourceAttributes: resource,
            events: [SpanEvent(name: "exception", timeNanos: 5, attributes: ["exception.message": "boom"])]
        )
    }

    @Test func spansSharingAResourceShareItsTextAndHash() {
        let texts = SpanText.encode([
            span("1", resource: ["service.name": "rag", "host": "a"]), span("2", resource: ["host": "a", "service.name": "rag"]),
            span("3", resource: ["service.name": "chat"]),
        ])
        #expect(texts[0].resource == #"{"host":"a","service.name":"rag"}"#)
        #expect(texts[1].resourceHash == texts[0].resourceHash)
        #expect(texts[2].resourceHash != texts[0].resourceHash)
        #expect(texts[0].resourceHash == FNV1a.hex(texts[0].resource))
    }

    @Test func columnsAreJSONThatReadsBack() throws {
        let text = SpanText(span("1", resource: [:]))
        let dimensions = try JSONDecoder().decode([String: String].self, from: Data(text.dimensions.utf8))
        #expect(dimensions == ["business_unit": "sales \"emea\""])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(text.events.utf8)) as? [[String: Any]])
        #expect(events.first?["name"] as? String == "exception")
        #expect(events.first?["time_ns"] as? Int == 5)
        #expect(text.attributes == #"{"k":"v"}"#)
    }
}
