import LoupeCore

extension SpanRecord {
    /// The span without attributes, events and resource: what a read without content returns.
    public var withoutContent: SpanRecord {
        var copy = self
        copy.attributes = [:]
        copy.events = []
        copy.resourceAttributes = [:]
        return copy
    }
}
