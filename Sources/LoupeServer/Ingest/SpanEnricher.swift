import LoupeCore

/// One ordered step applied to every normalised span before it is stored (cost, error class, redaction…),
/// and to every log record where the step concerns them too (redaction).
public protocol SpanEnricher: Sendable {
    func enrich(_ span: inout SpanRecord)
    func enrich(_ log: inout LogRecord)
}

extension SpanEnricher {
    /// Most steps (cost, error class) have nothing to do to a log record.
    public func enrich(_ log: inout LogRecord) {}
}
