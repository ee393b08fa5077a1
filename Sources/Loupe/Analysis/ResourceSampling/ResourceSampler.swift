import Foundation

/// Takes samples of the process's memory and CPU time (from `/proc`) and of every NVIDIA GPU's
/// memory and utilisation (from `nvidia-smi`), and emits them as events.
///
/// Sampling is a plain function, so it can run from a test, a CLI command or the periodic
/// ``ResourceSamplingService``:
///
/// ```swift
/// let sampler = ResourceSampler()                 // finds nvidia-smi on PATH, if any
/// let sample = await sampler.sample()
/// sampler.emit(sample, previous: nil, to: telemetry)
/// ```
///
/// Whatever is missing (no `/proc` on macOS, no GPU, a hung driver) is left out of the sample;
/// sampling never throws and never crashes.
public struct ResourceSampler: Sendable {
    /// Where `status` and `stat` are read from; a fixture directory in tests.
    public var procDirectory: String
    /// The GPU query, or nil to sample no GPU.
    public var gpu: NvidiaSMI?
    /// How long `nvidia-smi` may take before it is abandoned.
    public var gpuTimeout: Duration
    /// Divides CPU time into ``ResourceAttributes/processCPUUtilization``.
    public var processorCount: Int
    /// Times samples, for CPU utilisation between them.
    public var clock: any TelemetryClock

    public init(
        procDirectory: String = "/proc/self", gpu: NvidiaSMI? = NvidiaSMI.locate(), gpuTimeout: Duration = .seconds(5),
        processorCount: Int = ProcessInfo.processInfo.activeProcessorCount,
        clock: any TelemetryClock = SystemTelemetryClock()
    ) {
        self.procDirectory = procDirectory
        self.gpu = gpu
        self.gpuTimeout = gpuTimeout
        self.processorCount = processorCount
        self.clock = clock
    }

    /// One sample of everything available.
    public func sample() async -> ResourceSample {
        let instant = clock.now()
        let process = ProcessResourceUsage.read(fromProcDirectory: procDirectory)
        let gpus = await gpu?.query(timeout: gpuTimeout) ?? []
        return ResourceSample(instant: instant, process: process, gpus: gpus)
    }

    /// Emits `sample` as one ``EventName/processResources`` event (with CPU utilisation when a
    /// `previous` sample is given) and one ``EventName/gpuResources`` event per GPU.
    public func emit(_ sample: ResourceSample, previous: ResourceSample?, to telemetry: Telemetry) {
        // Samples describe the process, not whichever span happens to be running.
        withSpanContext(nil) {
            if let process = sample.process {
                var measurements = process.measurements
                if let previous,
                    let utilization = sample.cpuUtilization(since: previous, processorCount: processorCount)
                {
                    measurements[ResourceAttributes.processCPUUtilization] = utilization
                }
                telemetry.emit(.processResources, measurements: measurements)
            }
            for gpu in sample.gpus {
                telemetry.emit(.gpuResources, measurements: gpu.measurements, metadata: gpu.metadata)
            }
        }
    }
}
