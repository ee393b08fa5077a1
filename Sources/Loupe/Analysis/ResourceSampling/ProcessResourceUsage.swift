/// The process's memory and CPU time at one moment, as Linux reports them in `/proc`.
///
/// Every field is optional: kernels, containers and sandboxes hide different lines.
public struct ProcessResourceUsage: Sendable, Hashable {
    /// Resident set size, in bytes.
    public var residentBytes: UInt64?
    /// Peak resident set size, in bytes.
    public var peakResidentBytes: UInt64?
    public var threadCount: Int?
    /// CPU seconds in user mode since the process started.
    public var userCPUSeconds: Double?
    /// CPU seconds in kernel mode since the process started.
    public var systemCPUSeconds: Double?

    public init(
        residentBytes: UInt64? = nil, peakResidentBytes: UInt64? = nil, threadCount: Int? = nil,
        userCPUSeconds: Double? = nil, systemCPUSeconds: Double? = nil
    ) {
        self.residentBytes = residentBytes
        self.peakResidentBytes = peakResidentBytes
        self.threadCount = threadCount
        self.userCPUSeconds = userCPUSeconds
        self.systemCPUSeconds = systemCPUSeconds
    }

    /// User plus system CPU seconds, when both are known.
    public var totalCPUSeconds: Double? {
        guard let userCPUSeconds, let systemCPUSeconds else { return nil }
        return userCPUSeconds + systemCPUSeconds
    }

    var measurements: [String: Double] {
        var measurements: [String: Double] = [:]
        if let residentBytes { measurements[ResourceAttributes.processMemoryUsage] = Double(residentBytes) }
        if let peakResidentBytes { measurements[ResourceAttributes.processMemoryPeak] = Double(peakResidentBytes) }
        if let threadCount { measurements[ResourceAttributes.processThreadCount] = Double(threadCount) }
        if let userCPUSeconds { measurements[ResourceAttributes.processCPUTimeUser] = userCPUSeconds }
        if let systemCPUSeconds { measurements[ResourceAttributes.processCPUTimeSystem] = systemCPUSeconds }
        return measurements
    }
}
