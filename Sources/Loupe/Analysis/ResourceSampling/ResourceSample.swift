/// The process's and the GPUs' resource usage at one moment.
public struct ResourceSample: Sendable, Hashable {
    /// When the sample was taken.
    public var instant: TelemetryInstant
    /// Nil where `/proc` is unavailable.
    public var process: ProcessResourceUsage?
    /// Empty when there is no NVIDIA GPU or `nvidia-smi` failed.
    public var gpus: [GPUDeviceUsage]

    public init(instant: TelemetryInstant, process: ProcessResourceUsage? = nil, gpus: [GPUDeviceUsage] = []) {
        self.instant = instant
        self.process = process
        self.gpus = gpus
    }

    /// CPU time used between `previous` and this sample over the wall time elapsed times
    /// `processorCount`, 0...1; nil when either sample lacks CPU time or no time elapsed.
    public func cpuUtilization(since previous: ResourceSample, processorCount: Int) -> Double? {
        guard let now = process?.totalCPUSeconds, let before = previous.process?.totalCPUSeconds else { return nil }
        let elapsed = Double(instant.nanosSince(previous.instant)) / 1e9
        guard elapsed > 0, processorCount > 0 else { return nil }
        return min(max((now - before) / (elapsed * Double(processorCount)), 0), 1)
    }
}
