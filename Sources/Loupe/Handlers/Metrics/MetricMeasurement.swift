/// Which number of an event a metric records.
///
/// Usually a measurement key (a string literal works: `"gen_ai.usage.input_tokens"`); the span
/// duration in a unit of your choice; or any function of the event.
///
/// An event without the number is skipped by the metric: "not reported" is not zero.
public struct MetricMeasurement: Sendable {
    let value: @Sendable (TelemetryEvent) -> Double?

    /// The number computed by `value`, or no observation when it returns nil.
    public static func custom(_ value: @escaping @Sendable (TelemetryEvent) -> Double?) -> MetricMeasurement {
        MetricMeasurement(value: value)
    }

    /// The measurement named `key` (a ``MeasurementKey`` constant or your own name).
    public static func key(_ key: String) -> MetricMeasurement {
        MetricMeasurement { $0.measurements[key] }
    }

    /// The span's duration (`duration_ns`), converted to `unit`, which must be a duration unit.
    public static func duration(in unit: MetricUnit) -> MetricMeasurement {
        precondition(unit.isDuration, "MetricMeasurement.duration(in:) needs a duration unit, not \(unit)")
        let scale = unit.nanosecondsPerUnit ?? 1
        return MetricMeasurement { event in
            event.measurements[MeasurementKey.durationNanos].map { $0 / scale }
        }
    }
}

extension MetricMeasurement: ExpressibleByStringLiteral {
    /// The measurement named by the literal; see ``key(_:)``.
    public init(stringLiteral key: String) {
        self = .key(key)
    }
}
