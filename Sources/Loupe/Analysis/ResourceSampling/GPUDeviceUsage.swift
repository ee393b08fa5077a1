/// One GPU's memory and utilisation at one moment, as `nvidia-smi` reports them.
public struct GPUDeviceUsage: Sendable, Hashable {
    /// The device index, as `nvidia-smi` and `CUDA_VISIBLE_DEVICES` number devices.
    public var index: Int
    public var name: String
    public var memoryUsedBytes: UInt64?
    public var memoryTotalBytes: UInt64?
    /// Share of time the GPU was busy, 0...1; nil when the driver does not report it (`[N/A]`).
    public var utilization: Double?

    public init(
        index: Int, name: String, memoryUsedBytes: UInt64? = nil, memoryTotalBytes: UInt64? = nil,
        utilization: Double? = nil
    ) {
        self.index = index
        self.name = name
        self.memoryUsedBytes = memoryUsedBytes
        self.memoryTotalBytes = memoryTotalBytes
        self.utilization = utilization
    }

    var measurements: [String: Double] {
        var measurements: [String: Double] = [:]
        if let memoryUsedBytes { measurements[ResourceAttributes.gpuMemoryUsage] = Double(memoryUsedBytes) }
        if let memoryTotalBytes { measurements[ResourceAttributes.gpuMemoryLimit] = Double(memoryTotalBytes) }
        if let utilization { measurements[ResourceAttributes.gpuUtilization] = utilization }
        return measurements
    }

    var metadata: [String: AttributeValue] {
        [ResourceAttributes.hardwareID: .string(String(index)), ResourceAttributes.hardwareName: .string(name)]
    }
}
