import LoupeCore

/// How many traces of a range ran under one variant of one experiment, and when.
public struct ExperimentVariantCount: Sendable, Hashable {
    public var label: ExperimentLabel
    public var traces: Int64
    public var firstNanos: Int64
    public var lastNanos: Int64

    public init(label: ExperimentLabel, traces: Int64, firstNanos: Int64, lastNanos: Int64) {
        self.label = label
        self.traces = traces
        self.firstNanos = firstNanos
        self.lastNanos = lastNanos
    }
}
