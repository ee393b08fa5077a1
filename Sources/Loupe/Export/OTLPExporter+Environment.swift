#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension OTLPExporter.Configuration {
    /// The environment variables ``applyingEnvironment(_:)`` reads.
    public enum EnvironmentKey {
        /// A base URL; `/v1/traces` is appended.
        public static let endpoint = "OTEL_EXPORTER_OTLP_ENDPOINT"
        /// The full traces URL, used as is; wins over ``endpoint``.
        public static let tracesEndpoint = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
        /// `service.name`; wins over a `service.name` in ``resourceAttributes``.
        public static let serviceName = "OTEL_SERVICE_NAME"
        /// `key1=value1,key2=value2`, values percent-encoded as in W3C Baggage.
        public static let resourceAttributes = "OTEL_RESOURCE_ATTRIBUTES"
    }

    /// This configuration with the standard OpenTelemetry environment variables applied: the one
    /// place environment overrides happen.
    ///
    /// Empty variables count as unset. A malformed `OTEL_RESOURCE_ATTRIBUTES` (an entry without
    /// `=`, an empty key, a bad percent escape) is ignored entirely, as the OpenTelemetry
    /// specification asks, rather than applied in part.
    public func applyingEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> OTLPExporter.Configuration {
        var configuration = self
        func value(_ key: String) -> String? {
            guard let value = environment[key]?.trimmingWhitespace, !value.isEmpty else { return nil }
            return value
        }
        if let traces = value(EnvironmentKey.tracesEndpoint) {
            configuration.endpoint = traces
        } else if let base = value(EnvironmentKey.endpoint) {
            configuration.endpoint = (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/v1/traces"
        }
        if let attributes = value(EnvironmentKey.resourceAttributes).flatMap(Self.parseResourceAttributes) {
            configuration.resource.merge(attributes) { _, new in new }
        }
        if let serviceName = value(EnvironmentKey.serviceName) {
            configuration.resource["service.name"] = .string(serviceName)
        }
        return configuration
    }

    /// Parses `OTEL_RESOURCE_ATTRIBUTES`; nil when any entry is malformed.
    static func parseResourceAttributes(_ text: String) -> [String: AttributeValue]? {
        var attributes: [String: AttributeValue] = [:]
        for entry in text.split(separator: ",") {
            let entry = String(entry).trimmingWhitespace
            if entry.isEmpty { continue }
            guard let equals = entry.firstIndex(of: "="),
                let key = percentDecoded(String(entry[..<equals]).trimmingWhitespace), !key.isEmpty,
                let value = percentDecoded(String(entry[entry.index(after: equals)...]).trimmingWhitespace)
            else { return nil }
            attributes[key] = .string(value)
        }
        return attributes
    }

    /// `%XX` escapes decoded as UTF-8; nil for a truncated or non-hex escape or invalid UTF-8.
    private static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
