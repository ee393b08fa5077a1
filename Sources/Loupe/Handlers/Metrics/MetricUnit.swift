/// The unit a metric's values are expressed in, as a UCUM symbol (`s`, `{token}`, `USD`).
///
/// Duration units also decide the instrument: a ``MetricDefinition/distribution(_:event:measurement:unit:buckets:tags:constantTags:keep:)``
/// in a duration unit becomes a swift-metrics `Timer`, which backends export in their native
/// time unit (Prometheus: seconds); any other unit becomes a `Recorder`.
public struct MetricUnit: Sendable, Hashable, CustomStringConvertible {
    /// The UCUM symbol.
    public let symbol: String
    /// Nanoseconds per unit for durations; nil for everything else.
    public let nanosecondsPerUnit: Double?

    /// A non-duration unit, e.g. `MetricUnit("By")` for bytes.
    public init(_ symbol: String) {
        self.symbol = symbol
        self.nanosecondsPerUnit = nil
    }

    private init(duration symbol: String, nanosecondsPerUnit: Double) {
        self.symbol = symbol
        self.nanosecondsPerUnit = nanosecondsPerUnit
    }

    /// Whether values are durations.
    public var isDuration: Bool { nanosecondsPerUnit != nil }

    /// Seconds, the unit OpenTelemetry uses for every duration metric.
    public static let seconds = MetricUnit(duration: "s", nanosecondsPerUnit: 1e9)
    /// Milliseconds.
    public static let milliseconds = MetricUnit(duration: "ms", nanosecondsPerUnit: 1e6)
    /// Nanoseconds, the unit of the `duration_ns` measurement.
    public static let nanoseconds = MetricUnit(duration: "ns", nanosecondsPerUnit: 1)
    /// GenAI token counts, as OpenTelemetry writes the unit.
    public static let tokens = MetricUnit("{token}")
    /// US dollars, the unit of `loupe.cost.usd`.
    public static let usd = MetricUnit("USD")
    /// A plain count or ratio.
    public static let dimensionless = MetricUnit("1")

    public var description: String { symbol }
}
