/// Which units a span counts in, besides being a span.
///
/// Loupe counts three units and names them everywhere it shows a figure:
/// - a **request** is a service's entry span: a trace's root, a span whose parent is remote
///   (another process started it), or a SERVER or CONSUMER span;
/// - a **call** is a span of a model operation (``OperationKind/isModelCall``);
/// - a **span** is any span.
///
/// A span can be both a request and a call (a bare model call traced on its own).
public struct SpanRole: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let request = SpanRole(rawValue: 1)
    public static let call = SpanRole(rawValue: 2)

    /// The role a span has before any wrapper is recognised: an entry is a request, a model operation a call.
    public init(isEntry: Bool, operation: OperationKind) {
        self = []
        if isEntry { insert(.request) }
        if operation.isModelCall { insert(.call) }
    }

    /// Whether a span starts work in its service: the rule behind ``request``.
    ///
    /// A trace whose root never arrives has no request from that service until it does; a root that
    /// arrives late counts in the minute it started, like every span.
    public static func isEntry(parentSpanId: String?, parentIsRemote: Bool, kind: SpanKind) -> Bool {
        parentSpanId == nil || parentIsRemote || kind == .server || kind == .consumer
    }
}
