/// The stretch of time an analysis summary covers.
public struct AnalysisWindow: Sendable, Hashable {
    /// Nanoseconds since 1970.
    public var startUnixNanos: Int64
    /// Nanoseconds since 1970.
    public var endUnixNanos: Int64
    /// True when the window was cut short by an explicit flush instead of running its full length.
    public var isPartial: Bool

    public init(startUnixNanos: Int64, endUnixNanos: Int64, isPartial: Bool = false) {
        self.startUnixNanos = startUnixNanos
        self.endUnixNanos = endUnixNanos
        self.isPartial = isPartial
    }

    /// The window's length in seconds.
    public var seconds: Double {
        Double(endUnixNanos - startUnixNanos) / 1e9
    }

    /// The bounds as event metadata.
    var metadata: [String: AttributeValue] {
        [
            LoupeAttributes.windowStart: .int(startUnixNanos),
            LoupeAttributes.windowEnd: .int(endUnixNanos),
            LoupeAttributes.windowPartial: .bool(isPartial),
        ]
    }
}
