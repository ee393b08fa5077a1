import LoupeCore

/// A span's free-form fields as JSON text, the form stores keep them in.
///
/// Encoding them costs about as much as a store inserting the span, so ``SpanBatch`` does it on the
/// thread that received the span and a store's single writer only binds the text.
public struct SpanText: Sendable {
    /// Business dimensions, an object of strings.
    public let dimensions: String
    /// Attributes no convention mapped, an object in no particular key order.
    public let attributes: String
    /// Events, an array of `{name, time_ns, attributes}`.
    public let events: String
    /// Resource attributes with sorted keys, so equal resources give equal text.
    public let resource: String
    /// Names the resource: the FNV-1a hash of ``resource``, in hex.
    public let resourceHash: String
    /// ``attributes`` packed (``ContentPacking``) by ``pack()``, when large enough to gain.
    public private(set) var packedAttributes: [UInt8]?
    /// ``events`` packed by ``pack()``, when large enough to gain.
    public private(set) var packedEvents: [UInt8]?
    /// Whether ``pack()`` ran: nil packed texts then mean packing would not gain.
    public private(set) var isPacked = false

    /// Encodes a span; `previous` is the text of a span that may share its resource (spans of one
    /// request usually do), whose resource encoding is then reused.
    public init(_ span: SpanRecord, previous: (resource: [String: AttributeValue], text: SpanText)? = nil) {
        dimensions = Self.encode(span.dimensions)
        attributes = JSONWriter.encode(span.attributes, sortedKeys: false)
        events = Self.encode(span.events)
        if let previous, previous.resource == span.resourceAttributes {
            resource = previous.text.resource
            resourceHash = previous.text.resourceHash
        } else {
            resource = JSONWriter.encode(span.resourceAttributes)
            resourceHash = FNV1a.hex(resource)
        }
    }

    /// Packs the large texts, for a store that keeps them so (``TelemetryStore/packsContent``).
    mutating func pack(with packer: inout ContentPacking.Packer) {
        packedAttributes = packer.pack(attributes)
        packedEvents = packer.pack(events)
        isPacked = true
    }

    /// The texts of a run of spans, reusing the resource encoding while it repeats; `packing` also
    /// packs them (``pack(with:)``).
    public static func encode(_ spans: [SpanRecord], packing: Bool = false) -> [SpanText] {
        var texts: [SpanText] = []
        texts.reserveCapacity(spans.count)
        var previous: (resource: [String: AttributeValue], text: SpanText)?
        var packer = ContentPacking.Packer()
        for span in spans {
            var text = SpanText(span, previous: previous)
            if packing { text.pack(with: &packer) }
            texts.append(text)
            previous = (span.resourceAttributes, text)
        }
        return texts
    }

    /// Business dimensions as a JSON object of strings, `{}` when there are none.
    public static func encode(_ dimensions: [String: String]) -> String {
        guard !dimensions.isEmpty else { return "{}" }
        var writer = JSONWriter(capacity: 64)
        writer.raw("{")
        for (i, (key, value)) in dimensions.enumerated() {
            if i > 0 { writer.raw(",") }
            writer.string(key)
            writer.raw(":")
            writer.string(value)
        }
        writer.raw("}")
        return writer.string
    }

    static func encode(_ events: [SpanEvent]) -> String {
        guard !events.isEmpty else { return "[]" }
        var writer = JSONWriter()
        writer.raw("[")
        for (i, event) in events.enumerated() {
            if i > 0 { writer.raw(",") }
            writer.raw("{\"name\":")
            writer.string(event.name)
            writer.raw(",\"time_ns\":")
            writer.number(event.timeNanos)
            writer.raw(",\"attributes\":")
            writer.object(event.attributes)
            writer.raw("}")
        }
        writer.raw("]")
        return writer.string
    }
}
