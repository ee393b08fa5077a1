/// Keys of the resource sampler's events, following the OpenTelemetry system and hardware
/// semantic conventions so a metrics backend files them next to its host metrics.
public enum ResourceAttributes {
    /// Resident set size, in bytes (`VmRSS`).
    public static let processMemoryUsage = "process.memory.usage"
    /// Peak resident set size since the process started, in bytes (`VmHWM`).
    public static let processMemoryPeak = "process.memory.peak"
    /// CPU seconds spent in user mode since the process started.
    public static let processCPUTimeUser = "process.cpu.time.user"
    /// CPU seconds spent in kernel mode since the process started.
    public static let processCPUTimeSystem = "process.cpu.time.system"
    /// CPU time used since the previous sample over the wall time elapsed times the processor
    /// count, 0...1 (OpenTelemetry's `process.cpu.utilization`).
    public static let processCPUUtilization = "process.cpu.utilization"
    /// Threads in the process.
    public static let processThreadCount = "process.thread.count"

    /// GPU memory in use, in bytes.
    public static let gpuMemoryUsage = "hw.gpu.memory.usage"
    /// GPU memory installed, in bytes.
    public static let gpuMemoryLimit = "hw.gpu.memory.limit"
    /// Share of time the GPU was busy over the driver's last sample period, 0...1.
    public static let gpuUtilization = "hw.gpu.utilization"
    /// The GPU's index, as `nvidia-smi` numbers devices.
    public static let hardwareID = "hw.id"
    /// The GPU's product name.
    public static let hardwareName = "hw.name"
}
