extension SpanContext {
    /// Parses a W3C `traceparent` header (`00-<trace-id>-<parent-id>-<flags>`); nil when it is
    /// invalid, which the specification says to treat as absent.
    ///
    /// Rejected: wrong length or separators, upper-case or non-hex digits, version `ff`, all-zero
    /// ids, and version `00` with trailing data. Later versions may append `-…` fields, which are
    /// ignored. The result is marked ``isRemote``.
    public init?(traceparent: String, tracestate: String? = nil) {
        var bytes = Array(traceparent.utf8)
        // HTTP allows optional whitespace around a field value.
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes.removeLast() }
        let leading = bytes.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        bytes.removeFirst(leading)

        let dash = UInt8(ascii: "-")
        guard bytes.count >= 55, bytes[2] == dash, bytes[35] == dash, bytes[52] == dash,
            let version = Hex.parse(bytes[0..<2]), version != 0xFF,
            version == 0 ? bytes.count == 55 : (bytes.count == 55 || bytes[55] == dash),
            let high = Hex.parse(bytes[3..<19]), let low = Hex.parse(bytes[19..<35]),
            let span = Hex.parse(bytes[36..<52]), let flags = Hex.parse(bytes[53..<55])
        else { return nil }
        let traceID = TraceID(high: high, low: low)
        let spanID = SpanID(rawValue: span)
        guard traceID.isValid, spanID.isValid else { return nil }
        self.init(
            traceID: traceID, spanID: spanID, isSampled: flags & 0x01 != 0, isRemote: true,
            traceState: tracestate.flatMap(SpanContext.acceptableTraceState))
    }

    /// This context as a version-00 `traceparent` header value.
    public var traceparent: String {
        "00-\(traceID.hexString)-\(spanID.hexString)-\(isSampled ? "01" : "00")"
    }

    /// W3C caps `tracestate` at 32 members; a value far beyond that is not worth carrying along.
    private static func acceptableTraceState(_ value: String) -> String? {
        let trimmed = value.trimmingOWS
        return trimmed.isEmpty || trimmed.utf8.count > 512 ? nil : trimmed
    }
}

extension String {
    fileprivate var trimmingOWS: String {
        let isOWS: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isOWS($0) }), let last = lastIndex(where: { !isOWS($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
