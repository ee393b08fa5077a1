import Foundation
import LoupeCore
import Testing

struct JSONWriterTests {
    @Test func writesValidJSONThatReadsBackTheSameValues() throws {
        let attributes: [String: AttributeValue] = [
            "text": "quote \" backslash \\ newline \n tab \t bell \u{07} é 🎉", "int": 42, "double": 1.5, "bool": true,
            "array": .array(["a", 1]), "map": .kvlist(["k": "v"]),
        ]
        let json = JSONWriter.encode(attributes)
        let decoded = try JSONDecoder().decode([String: AttributeValue].self, from: Data(json.utf8))
        #expect(decoded == attributes)
    }

    @Test func keysAreSortedSoEqualMapsGiveEqualText() {
        #expect(JSONWriter.encode(["b": 1, "a": 2]) == #"{"a":2,"b":1}"#)
    }

    @Test func escapesAtEitherEndAndBetweenRunsAreExact() {
        var writer = JSONWriter()
        writer.string("\"a\\b\u{01}\n")
        writer.string("")
        writer.string("plain")
        #expect(writer.string == #""\"a\\b\u0001\n""""plain""#)
    }
}
