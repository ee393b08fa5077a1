import LoupeCore
import NIOCore

/// Writes rows in ClickHouse's JSONEachRow input format: one JSON object per line, columns by name.
struct JSONEachRowWriter {
    private var json = JSONWriter(capacity: 4096)
    private var firstField = true

    mutating func beginRow() {
        json.raw("{")
        firstField = true
    }

    mutating func endRow() { json.raw("}\n") }

    private mutating func key(_ name: StaticString) {
        if !firstField { json.raw(",") }
        firstField = false
        json.raw("\"")
        json.raw(name)
        json.raw("\":")
    }

    mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        json.string(value)
    }

    mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { json.string(value) } else { json.raw("null") }
    }

    mutating func field(_ name: StaticString, _ value: Int64) {
        key(name)
        json.number(value)
    }

    mutating func field(_ name: StaticString, _ value: Int64?) {
        key(name)
        if let value { json.number(value) } else { json.raw("null") }
    }

    mutating func field(_ name: StaticString, _ value: Double) {
        key(name)
        json.number(value.isFinite ? value : 0)
    }

    mutating func field(_ name: StaticString, _ value: Double?) {
        key(name)
        if let value, value.isFinite { json.number(value) } else { json.raw("null") }
    }

    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        json.raw(value ? "1" : "0")
    }

    mutating func field(_ name: StaticString, _ values: [String]) {
        array(name, values) { $0.string($1) }
    }

    mutating func field(_ name: StaticString, _ values: [Double]) {
        array(name, values) { $0.number($1.isFinite ? $1 : 0) }
    }

    mutating func field(_ name: StaticString, _ values: [Bool]) {
        array(name, values) { $0.raw($1 ? "1" : "0") }
    }

    private mutating func array<T>(_ name: StaticString, _ values: [T], element: (inout JSONWriter, T) -> Void) {
        key(name)
        json.raw("[")
        for (i, value) in values.enumerated() {
            if i > 0 { json.raw(",") }
            element(&json, value)
        }
        json.raw("]")
    }

    /// A histogram as the two arrays of a `…Map` nested column.
    mutating func histogram(_ buckets: StaticString, _ counts: StaticString, _ histogram: LatencyHistogram) {
        var pairs: [(bucket: Int64, count: Int64)] = []
        for (i, n) in histogram.counts.enumerated() where n > 0 { pairs.append((Int64(histogram.offset + i), Int64(n))) }
        array(buckets, pairs) { $0.number($1.bucket) }
        array(counts, pairs) { $0.number($1.count) }
    }

    var isEmpty: Bool { json.bytes.isEmpty }
    var buffer: ByteBuffer { ByteBuffer(bytes: json.bytes) }
}
