import CoreMetrics
import Synchronization

/// Turns telemetry events into swift-metrics instruments, as ``MetricDefinition``s describe.
///
/// ```swift
/// let metrics = MetricsTelemetryHandler(definitions: MetricDefinition.genAIDefaults)
/// try telemetry.attach("metrics", to: metrics.patterns, handler: metrics)
/// ```
///
/// Instruments are created once per metric and distinct set of tag values, through the factory
/// given here (by default the bootstrapped `MetricsSystem.factory`, read when the handler is
/// created), and cached: recording an observation is a dictionary lookup under a lock plus the
/// backend's own update. Tag values come from event metadata, so an unbounded value (a user id)
/// would create unbounded instruments; past `maxCachedInstruments` new tag sets are still
/// recorded but no longer cached, which keeps this handler's memory bounded and leaves the
/// backend's behaviour to the backend.
public final class MetricsTelemetryHandler: TelemetryHandler, Sendable {
    /// What the handler records, in the order given.
    public let definitions: [MetricDefinition]
    /// The exact events the definitions observe: attach the handler with these.
    public let patterns: [EventPattern]

    private let routes: [EventName: [Int]]
    private let factory: any MetricsFactory
    private let maxCachedInstruments: Int
    private let cache = Mutex<[InstrumentKey: MetricInstrument]>([:])

    /// - Parameters:
    ///   - definitions: the metrics to record.
    ///   - factory: the swift-metrics backend; pass one explicitly in tests (`TestMetrics()`).
    ///   - maxCachedInstruments: how many (metric, tag values) instruments are kept.
    public init(
        definitions: [MetricDefinition], factory: any MetricsFactory = MetricsSystem.factory,
        maxCachedInstruments: Int = 10_000
    ) {
        self.definitions = definitions
        self.factory = factory
        self.maxCachedInstruments = maxCachedInstruments
        var routes: [EventName: [Int]] = [:]
        var events: [EventName] = []
        for (index, definition) in definitions.enumerated() {
            if routes[definition.event] == nil { events.append(definition.event) }
            routes[definition.event, default: []].append(index)
        }
        self.routes = routes
        self.patterns = events.map { .exact($0) }
    }

    /// Records one observation per definition of `event`'s name that keeps it and finds its measurement.
    public func handle(_ event: TelemetryEvent) {
        guard let indices = routes[event.name] else { return }
        for index in indices {
            let definition = definitions[index]
            if let keep = definition.keep, !keep(event) { continue }
            guard let value = definition.measurement.value(event), value.isFinite else { continue }
            instrument(index, tagValues: definition.tagValues(of: event)).record(value)
        }
    }

    private func instrument(_ index: Int, tagValues: [String?]) -> MetricInstrument {
        let key = InstrumentKey(definition: index, tagValues: tagValues)
        if let cached = cache.withLock({ $0[key] }) { return cached }
        // Created outside the lock: backends take their own locks, and a rare duplicate creation
        // resolves to the same backend series anyway.
        let definition = definitions[index]
        let created = MetricInstrument(
            definition: definition, dimensions: definition.dimensions(tagValues: tagValues), factory: factory)
        return cache.withLock { cache in
            if let raced = cache[key] { return raced }
            if cache.count < maxCachedInstruments { cache[key] = created }
            return created
        }
    }
}

/// One instrument's identity: its definition and the tag values of its dimensions.
private struct InstrumentKey: Hashable {
    var definition: Int
    var tagValues: [String?]
}
