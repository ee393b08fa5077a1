/// One metric derived from telemetry events, in the style of Elixir's `telemetry_metrics`: which
/// event, which measurement, which metadata keys become tags, and how values aggregate.
///
/// ```swift
/// let definitions: [MetricDefinition] = MetricDefinition.genAIDefaults + [
///     .counter("loupe.tool.calls", event: EventName.toolCall.stop, tags: [GenAIAttributes.toolName]),
///     .sum("loupe.cost", event: EventName.llmCall.stop, measurement: .key(MeasurementKey.costUSD), unit: .usd,
///          tags: [GenAIAttributes.requestModel]),
///     .distribution("loupe.retrieval.duration", event: EventName.retrieval.stop,
///                   measurement: .duration(in: .seconds), unit: .seconds, buckets: [0.01, 0.05, 0.25, 1],
///                   tags: [GenAIAttributes.dataSourceID]),
/// ]
/// let metrics = MetricsTelemetryHandler(definitions: definitions, factory: factory)
/// try telemetry.attach("metrics", to: metrics.patterns, handler: metrics)
/// ```
///
/// Tags missing from an event's metadata are left out of that observation's dimensions rather
/// than recorded as empty, as OpenTelemetry does with absent attributes (`error.type` appears on
/// failures only). Several definitions may share a name, e.g. one per event or per constant tag.
public struct MetricDefinition: Sendable {
    /// How a metric aggregates, and the swift-metrics instrument it becomes.
    public enum Kind: Sendable, Hashable {
        /// Counts events (`Counter`); the measurement is ignored.
        case counter
        /// Adds up the measurement (`FloatingPointCounter`); non-positive values are skipped,
        /// since counters only go up.
        case sum
        /// Keeps the latest measurement (`Meter`).
        case lastValue
        /// Records every measurement into a histogram with these bucket boundaries, in the
        /// metric's unit: a `Timer` for duration units, else a `Recorder`. swift-metrics has no
        /// bucket API, so give the buckets to your backend, e.g. with
        /// `Array<MetricDefinition>.durationHistogramBuckets` for swift-prometheus.
        case distribution(buckets: [Double])
    }

    /// The metric name, used as the swift-metrics label (`gen_ai.client.token.usage`).
    public var name: String
    /// How values aggregate, and so which instrument records them.
    public var kind: Kind
    /// The exact event the metric observes.
    public var event: EventName
    /// The number recorded from each event.
    public var measurement: MetricMeasurement
    /// The unit of the recorded numbers.
    public var unit: MetricUnit
    /// Metadata keys whose values become dimensions, in this order.
    public var tags: [String]
    /// Dimensions added to every observation, after the tags.
    public var constantTags: [String: String]
    /// When set, only events it returns true for are recorded.
    public var keep: (@Sendable (TelemetryEvent) -> Bool)?

    /// A metric of any kind; the static constructors read better.
    public init(
        name: String, kind: Kind, event: EventName, measurement: MetricMeasurement, unit: MetricUnit = .dimensionless,
        tags: [String] = [], constantTags: [String: String] = [:], keep: (@Sendable (TelemetryEvent) -> Bool)? = nil
    ) {
        self.name = name
        self.kind = kind
        self.event = event
        self.measurement = measurement
        self.unit = unit
        self.tags = tags
        self.constantTags = constantTags
        self.keep = keep
    }

    /// Counts `event`.
    public static func counter(
        _ name: String, event: EventName, tags: [String] = [], constantTags: [String: String] = [:],
        keep: (@Sendable (TelemetryEvent) -> Bool)? = nil
    ) -> MetricDefinition {
        MetricDefinition(
            name: name, kind: .counter, event: event, measurement: .custom { _ in 1 }, tags: tags,
            constantTags: constantTags, keep: keep)
    }

    /// Adds up `measurement` over every `event`.
    public static func sum(
        _ name: String, event: EventName, measurement: MetricMeasurement, unit: MetricUnit = .dimensionless,
        tags: [String] = [], constantTags: [String: String] = [:], keep: (@Sendable (TelemetryEvent) -> Bool)? = nil
    ) -> MetricDefinition {
        MetricDefinition(
            name: name, kind: .sum, event: event, measurement: measurement, unit: unit, tags: tags,
            constantTags: constantTags, keep: keep)
    }

    /// Keeps the latest `measurement` of `event`.
    public static func lastValue(
        _ name: String, event: EventName, measurement: MetricMeasurement, unit: MetricUnit = .dimensionless,
        tags: [String] = [], constantTags: [String: String] = [:], keep: (@Sendable (TelemetryEvent) -> Bool)? = nil
    ) -> MetricDefinition {
        MetricDefinition(
            name: name, kind: .lastValue, event: event, measurement: measurement, unit: unit, tags: tags,
            constantTags: constantTags, keep: keep)
    }

    /// Records `measurement` of every `event` into a histogram with `buckets`, in `unit`.
    public static func distribution(
        _ name: String, event: EventName, measurement: MetricMeasurement, unit: MetricUnit = .dimensionless,
        buckets: [Double], tags: [String] = [], constantTags: [String: String] = [:],
        keep: (@Sendable (TelemetryEvent) -> Bool)? = nil
    ) -> MetricDefinition {
        MetricDefinition(
            name: name, kind: .distribution(buckets: buckets), event: event, measurement: measurement, unit: unit,
            tags: tags, constantTags: constantTags, keep: keep)
    }

    /// The tag values `event` carries, in tag order; nil for a missing tag.
    func tagValues(of event: TelemetryEvent) -> [String?] {
        tags.map { event.metadata[$0]?.stringValue }
    }

    /// The dimensions of an observation with these tag values.
    func dimensions(tagValues: [String?]) -> [(String, String)] {
        var dimensions: [(String, String)] = []
        dimensions.reserveCapacity(tags.count + constantTags.count)
        for (tag, value) in zip(tags, tagValues) {
            if let value { dimensions.append((tag, value)) }
        }
        for key in constantTags.keys.sorted() {
            dimensions.append((key, constantTags[key] ?? ""))
        }
        return dimensions
    }
}
