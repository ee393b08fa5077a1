import LoupeCore

/// One ordered step applied to every normalised span before it is stored (cost, error class, redaction…).
public protocol SpanEnricher: Sendable {
    func enrich(_ span: inout SpanRecord)
}
