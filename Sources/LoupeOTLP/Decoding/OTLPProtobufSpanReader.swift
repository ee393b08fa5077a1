import Foundation
import LoupeCore

/// Reads an OTLP protobuf `ExportTraceServiceRequest` straight into validated ``RawSpan``s.
///
/// SwiftProtobuf's generated messages build a tree per span (storage objects, key-value arrays,
/// value enums) that the ingest path converted into a ``RawSpan`` and freed: together a sixth of
/// the CPU a span costs a server. This reader walks the wire format once and builds the spans
/// directly. The generated types remain the reference: the JSON path and the encoder use them, and
/// tests check that both readers agree on the same bodies, truncated ones included.
public enum OTLPProtobufSpanReader {
    /// Nesting past this (arrays and maps inside attribute values) is refused, as SwiftProtobuf does.
    static let depthLimit = 100

    public static func decodedSpans(_ body: Data) throws(OTLPDecodingError) -> DecodedSpans {
        do {
            return try body.withUnsafeBytes { bytes in try decodedSpans(bytes) }
        } catch let error as ProtobufWireReader.Malformed {
            throw .malformedProtobuf(error.description)
        } catch {
            throw .malformedProtobuf(String(describing: error))
        }
    }

    static func decodedSpans(_ bytes: UnsafeRawBufferPointer) throws(ProtobufWireReader.Malformed) -> DecodedSpans {
        var result = DecodedSpans()
        var reader = ProtobufWireReader(bytes)
        try reader.forEach(1) { resourceSpans throws(ProtobufWireReader.Malformed) in try readResourceSpans(resourceSpans, into: &result) }
        return result
    }

    private static func readResourceSpans(_ bytes: UnsafeRawBufferPointer, into result: inout DecodedSpans) throws(ProtobufWireReader.Malformed) {
        var resource: [String: AttributeValue] = [:]
        var scopeSpans: [UnsafeRawBufferPointer] = []
        var reader = ProtobufWireReader(bytes)
        // Fields may come in any order: the resource is read before the spans that share it.
        while let (field, wireType) = try reader.nextField() {
            switch field {
            case 1:
                try ProtobufWireReader.expect(wireType, .lengthDelimited, field: field)
                var resourceReader = ProtobufWireReader(try reader.lengthDelimited())
                try resourceReader.forEach(1) { keyValue throws(ProtobufWireReader.Malformed) in
                    try readKeyValue(keyValue, into: &resource, depth: 0)
                }
            case 2:
                try ProtobufWireReader.expect(wireType, .lengthDelimited, field: field)
                scopeSpans.append(try reader.lengthDelimited())
            default:
                try reader.skip(wireType)
            }
        }
        for scope in scopeSpans { try readScopeSpans(scope, resource: resource, into: &result) }
    }

    private static func readScopeSpans(
        _ bytes: UnsafeRawBufferPointer, resource: [String: AttributeValue], into result: inout DecodedSpans
    ) throws(ProtobufWireReader.Malformed) {
        var scopeName = ""
        var spans: [UnsafeRawBufferPointer] = []
        var reader = ProtobufWireReader(bytes)
        while let (field, wireType) = try reader.nextField() {
            switch field {
            case 1:
                try ProtobufWireReader.expect(wireType, .lengthDelimited, field: field)
                var scopeReader = ProtobufWireReader(try reader.lengthDelimited())
                try scopeReader.forEach(1) { name throws(ProtobufWireReader.Malformed) in
                    scopeName = try ProtobufWireReader.string(name)
                }
            case 2:
                try ProtobufWireReader.expect(wireType, .lengthDelimited, field: field)
                spans.append(try reader.lengthDelimited())
            default:
                try reader.skip(wireType)
            }
        }
        let scope = scopeName.isEmpty ? nil : scopeName
        result.spans.reserveCapacity(result.spans.count + spans.count)
        for span in spans {
            switch try readSpan(span, resource: resource, scope: scope) {
            case .success(let raw): result.spans.append(raw)
            case .failure(let reason): result.rejected[reason, default: 0] += 1
            }
        }
    }

    private static func readSpan(
        _ bytes: UnsafeRawBufferPointer, resource: [String: AttributeValue], scope: String?
    ) throws(ProtobufWireReader.Malformed) -> Result<RawSpan, SpanRejection> {
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        var (traceID, spanID, parentSpanID) = (empty, empty, empty)
        var flags: UInt32 = 0
        var name = ""
        var kind = 0
        var (start, end): (UInt64, UInt64) = (0, 0)
        var statusCode = 0
        var statusMessage = ""
        var events: [SpanEvent] = []
        var reader = ProtobufWireReader(bytes)
        var attributes = [String: AttributeValue](minimumCapacity: try reader.count(of: 9))
        while let (field, wireType) = try reader.nextField() {
            switch field {
            case 1, 2, 4, 5, 9, 11, 15: try ProtobufWireReader.expect(wireType, .lengthDelimited, field: field)
            case 6: try ProtobufWireReader.expect(wireType, .varint, field: field)
            case 7, 8: try ProtobufWireReader.expect(wireType, .fixed64, field: field)
            case 16: try ProtobufWireReader.expect(wireType, .fixed32, field: field)
            default: try reader.skip(wireType); continue
            }
            switch field {
            case 1: traceID = try reader.lengthDelimited()
            case 2: spanID = try reader.lengthDelimited()
            case 4: parentSpanID = try reader.lengthDelimited()
            case 5: name = try reader.string()
            case 6: kind = Int(truncatingIfNeeded: Int32(truncatingIfNeeded: try reader.varint()))
            case 7: start = try reader.fixed64()
            case 8: end = try reader.fixed64()
            case 16: flags = try reader.fixed32()
            case 9: try readKeyValue(try reader.lengthDelimited(), into: &attributes, depth: 0)
            case 11: events.append(try readEvent(try reader.lengthDelimited()))
            default: try readStatus(try reader.lengthDelimited(), code: &statusCode, message: &statusMessage)
            }
        }
        return RawSpan.fromOTLP(
            traceID: traceID, spanID: spanID, parentSpanID: parentSpanID, flags: flags, name: name, kind: kind, start: start, end: end,
            statusCode: statusCode, statusMessage: statusMessage, attributes: attributes, resource: resource,
            scope: scope, events: events
        )
    }

    private static func readStatus(
        _ bytes: UnsafeRawBufferPointer, code: inout Int, message: inout String
    ) throws(ProtobufWireReader.Malformed) {
        var reader = ProtobufWireReader(bytes)
        while let (field, wireType) = try reader.nextField() {
            switch field {
            case 2:
                try ProtobufWireReader.expect(wireType, .lengthDelimited, field: field)
                message = try reader.string()
            case 3:
                try ProtobufWireReader.expect(wireType, .varint, field: field)
                code = Int(truncatingIfNeeded: Int32(truncatingIfNeeded: try reader.varint()))
            default:
                try reader.skip(wireType)
            }
        }
    }

    private static func readEvent(_ bytes: UnsafeRawBufferPointer) throws(ProtobufWireReader.Malformed) -> SpanEvent {
        var time: UInt64 = 0
        var name = ""
        var attributes: [String: AttributeValue] = [:]
        var reader = ProtobufWireReader(bytes)
        while let (field, wireType) = try reader.nextField() {
            switch field {
            case 1:
                try ProtobufWireReader.expect(wireType, .fixed64, field: field)
                time = try reader.fixed64()
            case 2:
                try ProtobufWireReader.expect(wireType, .lengthDelimited, field: field)
                name = try reader.string()
            case 3:
                try ProtobufWireReader.expect(wireType, .lengthDelimited, field: field)
                try readKeyValue(try reader.lengthDelimited(), into: &attributes, depth: 0)
            default:
                try reader.skip(wireType)
            }
        }
        return SpanEvent(name: name, timeNanos: Int64(clamping: time), attributes: attributes)
    }

    /// Reads one `KeyValue` into a map; on a repeated key the last one wins, as with the generated types.
    private static func readKeyValue(
        _ bytes: UnsafeRawBufferPointer, into map: inout [String: AttributeValue], depth: Int
    ) throws(ProtobufWireReader.Malformed) {
        var key = ""
        var value: AttributeValue = .string("")
        var reader = ProtobufWireReader(bytes)
        while let (field, wireType) = try reader.nextField() {
            switch field {
            case 1:
                try ProtobufWireReader.expect(wireType, .lengthDelimited, field: field)
                key = try reader.string()
            case 2:
                try ProtobufWireReader.expect(wireType, .lengthDelimited, field: field)
                value = try readAnyValue(try reader.lengthDelimited(), depth: depth + 1)
            default:
                try reader.skip(wireType)
            }
        }
        map[key] = value
    }

    /// Reads an `AnyValue`; one with no value set is an empty string, as with the generated types.
    private static func readAnyValue(_ bytes: UnsafeRawBufferPointer, depth: Int) throws(ProtobufWireReader.Malformed) -> AttributeValue {
        guard depth <= depthLimit else { throw ProtobufWireReader.Malformed(description: "attribute values nest deeper than \(depthLimit)") }
        var value: AttributeValue = .string("")
        var reader = ProtobufWireReader(bytes)
        while let (field, wireType) = try reader.nextField() {
            switch field {
            case 1, 5, 6, 7: try ProtobufWireReader.expect(wireType, .lengthDelimited, field: field)
            case 2, 3: try ProtobufWireReader.expect(wireType, .varint, field: field)
            case 4: try ProtobufWireReader.expect(wireType, .fixed64, field: field)
            default: try reader.skip(wireType); continue
            }
            switch field {
            case 1: value = .string(try reader.string())
            case 2: value = .bool(try reader.varint() != 0)
            case 3: value = .int(Int64(bitPattern: try reader.varint()))
            case 4: value = .double(Double(bitPattern: try reader.fixed64()))
            case 5:
                var values: [AttributeValue] = []
                var arrayReader = ProtobufWireReader(try reader.lengthDelimited())
                try arrayReader.forEach(1) { element throws(ProtobufWireReader.Malformed) in
                    values.append(try readAnyValue(element, depth: depth + 1))
                }
                value = .array(values)
            case 6:
                var map: [String: AttributeValue] = [:]
                var listReader = ProtobufWireReader(try reader.lengthDelimited())
                try listReader.forEach(1) { keyValue throws(ProtobufWireReader.Malformed) in
                    try readKeyValue(keyValue, into: &map, depth: depth + 1)
                }
                value = .kvlist(map)
            default: value = .bytes(Array(try reader.lengthDelimited()))
            }
        }
        return value
    }
}
