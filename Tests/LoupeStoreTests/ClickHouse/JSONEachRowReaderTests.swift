import Foundation
import Testing

@testable import LoupeStoreClickHouse

struct JSONEachRowReaderTests {
    @Test func readsTheValuesClickHouseWrites() throws {
        let answer = """
            {"id":"a","n":42,"neg":-7,"x":0.5,"e":1e-3,"big":18446744073709551615,"none":null,"tags":["p","q"],"map":[[1,2],[3,4]],"empty":[]}
            {"id":"b","n":0,"neg":-0,"x":-2.25,"e":3E2,"big":1,"none":"set","tags":[],"map":[[],[]],"empty":[1]}

            """
        let rows = try JSONEachRowReader.rows(Array(answer.utf8))
        #expect(rows.count == 2)
        #expect(rows[0].string("id") == "a" && rows[0].int("n") == 42 && rows[0].int("neg") == -7)
        #expect(rows[0].double("x") == 0.5 && rows[0].double("e") == 0.001 && rows[0].double("big") == 18446744073709551615.0)
        #expect(rows[0].string("none") == nil && rows[0].int("none") == nil && rows[0].strings("tags") == ["p", "q"])
        #expect(rows[0].map("map").map(\.key) == [1, 2] && rows[0].map("map").map(\.value) == [3, 4])
        #expect(rows[1].string("none") == "set" && rows[1].double("e") == 300 && rows[1].ints("empty") == [1] && rows[1].map("map").isEmpty)
        #expect(rows[1].string("missing") == nil)
        #expect(try JSONEachRowReader.rows([]).isEmpty)
    }

    @Test func readsEveryEscape() throws {
        let answer = #"{"s":"q\"b\\s\/b\bf\fn\nr\rt\tz\u0000e\u00e9s\ud83d\ude00 é😀"}"#
        let rows = try JSONEachRowReader.rows(Array(answer.utf8))
        #expect(rows.first?.string("s") == "q\"b\\s/b\u{8}f\u{c}n\nr\rt\tz\u{0}e\u{e9}s\u{1F600} é😀")
    }

    /// Foundation's writer as the reference: whatever text it writes, the reader reads back the same.
    @Test func readsBackWhatFoundationWrites() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ09 \"\\/\n\r\t\u{0}\u{1f}\u{7f}é€😀{}[],:") as [Character]
        var lines: [String] = []
        var expected: [[String: Any]] = []
        for _ in 0..<300 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let row: [String: Any] = [
                "text": text, "count": Int64.random(in: Int64.min...Int64.max, using: &generator),
                "ratio": Double.random(in: -1e6...1e6, using: &generator), "list": [text, "x"],
            ]
            let data = try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
            expected.append(row)
        }
        let rows = try JSONEachRowReader.rows(Array(lines.joined(separator: "\n").utf8))
        #expect(rows.count == expected.count)
        for (row, want) in zip(rows, expected) {
            #expect(row.string("text") == want["text"] as? String)
            #expect(row.int("count") == want["count"] as? Int64)
            #expect(row.double("ratio") == want["ratio"] as? Double)
            #expect(row.strings("list") == want["list"] as? [String])
        }
    }

    @Test(arguments: [
        #"{"a":"unterminated}"#, #"{"a" 1}"#, #"{"a":1,}"#, #"{"a":tru}"#, #"{"a":1}{"b":2}"#, "{\"a\":1}\n{\"b\":2}",
        #"{"a":"\x"}"#, #"{"a":"\u12"}"#, #"{"a":[1,2}"#, #"{"a":-}"#, "not json", #"{"a":1"#,
    ])
    func refusesWhatClickHouseDoesNotWrite(answer: String) {
        #expect(throws: ClickHouseStoreError.self) { try JSONEachRowReader.rows(Array(answer.utf8)) }
    }
}
