import ServiceLifecycle

/// Samples resources every `interval` and emits them, as a swift-service-lifecycle `Service`:
/// run it in the application's `ServiceGroup` and it stops on graceful shutdown.
///
/// ```swift
/// let sampling = ResourceSamplingService(sampler: ResourceSampler(), telemetry: telemetry, interval: .seconds(15))
/// let group = ServiceGroup(services: [server, sampling], gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()
/// ```
///
/// The first sample is taken as soon as the service starts.
public struct ResourceSamplingService: Service {
    /// What is sampled.
    public let sampler: ResourceSampler
    /// Where samples are emitted.
    public let telemetry: Telemetry
    /// The time between the end of one sample and the start of the next.
    public let interval: Duration

    public init(sampler: ResourceSampler, telemetry: Telemetry, interval: Duration = .seconds(15)) {
        self.sampler = sampler
        self.telemetry = telemetry
        self.interval = interval
    }

    /// Samples until graceful shutdown or cancellation, then returns normally.
    public func run() async throws {
        let (sampler, telemetry, interval) = (self.sampler, self.telemetry, self.interval)
        do {
            try await cancelWhenGracefulShutdown {
                var previous: ResourceSample?
                while !Task.isCancelled {
                    let sample = await sampler.sample()
                    sampler.emit(sample, previous: previous, to: telemetry)
                    previous = sample
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            // Shutdown interrupts the sleep; stopping there is the expected way out.
        }
    }
}
