import Foundation
import Loupe
import LoupeTesting
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing

struct ResourceSamplerTests {
    /// A `/proc/self` look-alike whose CPU time is `ticks` user and `ticks` system ticks.
    private func writeProc(to directory: URL, ticks: Int) throws {
        try Data(ProcessResourceUsageTests.status.utf8).write(to: directory.appendingPathComponent("status"))
        let stat = "1 (app) S 1 1 1 0 -1 0 0 0 0 0 \(ticks) \(ticks) 0 0 20 0 1 0 1 1 1\n"
        try Data(stat.utf8).write(to: directory.appendingPathComponent("stat"))
    }

    @Test func samplesAndEmitsProcessAndGPUs() async throws {
        try await withTemporaryDirectory { directory in
            try writeProc(to: directory, ticks: 100)
            let smi = directory.appendingPathComponent("nvidia-smi")
            try writeExecutable(
                "#!/bin/sh\nprintf '%s\\n' '0, GPU A, 100, 1000, 10' '1, GPU B, 200, 2000, 20'\n", to: smi)
            let harness = Harness()
            let sampler = ResourceSampler(
                procDirectory: directory.path, gpu: NvidiaSMI(executablePath: smi.path), processorCount: 2,
                clock: harness.clock)

            let first = await sampler.sample()
            sampler.emit(first, previous: nil, to: harness.telemetry)
            try writeProc(to: directory, ticks: 200)
            harness.clock.advance(by: .seconds(4))
            let second = await sampler.sample()
            sampler.emit(second, previous: first, to: harness.telemetry)

            #expect(first.process?.residentBytes == 102_400 * 1_024)
            #expect(first.gpus.map(\.name) == ["GPU A", "GPU B"])
            // Two CPU seconds used over four seconds on two processors.
            #expect(second.cpuUtilization(since: first, processorCount: 2) == 0.25)

            let process = harness.recorder.events(named: .processResources)
            #expect(process.count == 2)
            #expect(process[0].measurements[ResourceAttributes.processMemoryUsage] == Double(102_400 * 1_024))
            #expect(process[0].measurements[ResourceAttributes.processCPUTimeUser] != nil)
            #expect(process[0].measurements[ResourceAttributes.processCPUUtilization] == nil)
            #expect(process[1].measurements[ResourceAttributes.processCPUUtilization] == 0.25)
            let gpus = harness.recorder.events(named: .gpuResources)
            #expect(gpus.count == 4)
            #expect(gpus[1].metadata[ResourceAttributes.hardwareID] == "1")
            #expect(gpus[1].metadata[ResourceAttributes.hardwareName] == "GPU B")
            #expect(gpus[1].measurements[ResourceAttributes.gpuMemoryUsage] == Double(200 * 1_048_576))
            #expect(gpus[1].measurements[ResourceAttributes.gpuUtilization] == 0.2)
        }
    }

    @Test func samplesNothingWhereNothingIsAvailable() async {
        let harness = Harness()
        let sampler = ResourceSampler(procDirectory: "/nonexistent", gpu: nil, clock: harness.clock)

        let sample = await sampler.sample()
        sampler.emit(sample, previous: nil, to: harness.telemetry)

        #expect(sample.process == nil)
        #expect(sample.gpus.isEmpty)
        #expect(harness.recorder.events(matching: .prefix("loupe.analysis.resource")).isEmpty)
    }

    @Test func theServiceSamplesUntilShutdown() async throws {
        try await withTemporaryDirectory { directory in
            try writeProc(to: directory, ticks: 1)
            let harness = Harness()
            let (samples, sampled) = AsyncStream.makeStream(of: TelemetryEvent.self)
            try harness.telemetry.attach("test.samples", to: [.exact(.processResources)]) { sampled.yield($0) }
            let service = ResourceSamplingService(
                sampler: ResourceSampler(procDirectory: directory.path, gpu: nil, clock: harness.clock),
                telemetry: harness.telemetry, interval: .seconds(3_600))

            try await testGracefulShutdown { trigger in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await service.run() }
                    // The first sample is taken at start; waiting for it needs no sleep.
                    var iterator = samples.makeAsyncIterator()
                    let first = await iterator.next()
                    #expect(first?.measurements[ResourceAttributes.processThreadCount] == 12)
                    // The service is now in its hour-long wait, which shutdown must interrupt.
                    trigger.triggerGracefulShutdown()
                    try await group.waitForAll()
                }
            }
        }
    }
}
