/// One histogram data point of a metric, as it came off the wire, before it is read as GenAI usage.
///
/// Decoders (OTLP protobuf and JSON) produce it; the server turns the GenAI ones into rollup rows.
public struct MetricPoint: Sendable, Hashable {
    public var name: String
    /// The metric's unit as sent (`s`, `ms`, `{token}`).
    public var unit: String
    public var attributes: [String: AttributeValue]
    public var resourceAttributes: [String: AttributeValue]
    public var scopeName: String?
    /// Start of the interval the point covers, in unix nanoseconds.
    public var startNanos: Int64
    /// End of the interval, when the point was taken.
    public var timeNanos: Int64
    /// A cumulative point counts everything since ``startNanos``; a delta point only its interval.
    public var isCumulative: Bool
    public var histogram: MetricHistogram

    public init(
        name: String, unit: String = "", attributes: [String: AttributeValue] = [:], resourceAttributes: [String: AttributeValue] = [:],
        scopeName: String? = nil, startNanos: Int64, timeNanos: Int64, isCumulative: Bool, histogram: MetricHistogram
    ) {
        (self.name, self.unit, self.attributes, self.resourceAttributes, self.scopeName) = (name, unit, attributes, resourceAttributes, scopeName)
        (self.startNanos, self.timeNanos, self.isCumulative, self.histogram) = (startNanos, timeNanos, isCumulative, histogram)
    }

    /// The series the point belongs to: cumulative points of one series are told apart by time only.
    public var seriesKey: SeriesKey { SeriesKey(name: name, attributes: attributes, resourceAttributes: resourceAttributes, scopeName: scopeName) }

    public struct SeriesKey: Sendable, Hashable {
        let name: String
        let attributes: [String: AttributeValue]
        let resourceAttributes: [String: AttributeValue]
        let scopeName: String?
    }
}
