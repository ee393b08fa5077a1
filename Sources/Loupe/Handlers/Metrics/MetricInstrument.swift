import CoreMetrics

/// A swift-metrics instrument for one metric and one set of dimensions, created once and cached
/// by ``MetricsTelemetryHandler``, since metric objects resolve their backend handler on creation.
enum MetricInstrument: Sendable {
    case counter(Counter)
    case sum(FloatingPointCounter)
    case lastValue(Meter)
    case timer(CoreMetrics.Timer, nanosecondsPerUnit: Double)
    case recorder(Recorder)

    init(definition: MetricDefinition, dimensions: [(String, String)], factory: any MetricsFactory) {
        let label = definition.name
        switch definition.kind {
        case .counter:
            self = .counter(Counter(label: label, dimensions: dimensions, factory: factory))
        case .sum:
            self = .sum(FloatingPointCounter(label: label, dimensions: dimensions, factory: factory))
        case .lastValue:
            self = .lastValue(Meter(label: label, dimensions: dimensions, factory: factory))
        case .distribution:
            if let scale = definition.unit.nanosecondsPerUnit {
                self = .timer(
                    CoreMetrics.Timer(label: label, dimensions: dimensions, factory: factory),
                    nanosecondsPerUnit: scale)
            } else {
                self = .recorder(Recorder(label: label, dimensions: dimensions, aggregate: true, factory: factory))
            }
        }
    }

    /// Records one observation of `value`, in the metric's unit.
    func record(_ value: Double) {
        switch self {
        case .counter(let counter):
            counter.increment()
        case .sum(let counter):
            if value > 0 { counter.increment(by: value) }
        case .lastValue(let meter):
            meter.set(value)
        case .timer(let timer, let scale):
            // Negative durations are a clock bug, not a measurement; saturate absurd ones.
            let nanos = value * scale
            guard nanos >= 0 else { return }
            timer.recordNanoseconds(nanos < 9.2e18 ? Int64(nanos.rounded()) : .max)
        case .recorder(let recorder):
            recorder.record(value)
        }
    }
}
