import Foundation
import Loupe
import Testing

struct NvidiaSMITests {
    /// What `nvidia-smi --query-gpu=… --format=csv,noheader,nounits` prints on a two-GPU host where
    /// one board reports no utilisation, plus the kind of noise a wrapper script adds.
    static let output = """
        0, NVIDIA A100-SXM4-40GB, 1024, 40960, 87
        1, NVIDIA GeForce RTX 3090, Founders, 24, 24576, [N/A]
        WARNING: infoROM is corrupted at gpu 0000:00:04.0
        2, Tesla T4, [Not Supported], 15360, 0

        """

    @Test func parsesEveryDevice() throws {
        let gpus = NvidiaSMI.parse(Self.output)

        #expect(gpus.count == 3)
        #expect(gpus[0] == GPUDeviceUsage(
            index: 0, name: "NVIDIA A100-SXM4-40GB", memoryUsedBytes: 1_024 * 1_048_576,
            memoryTotalBytes: 40_960 * 1_048_576, utilization: 0.87))
        #expect(gpus[1].name == "NVIDIA GeForce RTX 3090, Founders")
        #expect(gpus[1].utilization == nil)
        #expect(gpus[1].memoryUsedBytes == 24 * 1_048_576)
        #expect(gpus[2].memoryUsedBytes == nil)
        #expect(gpus[2].utilization == 0)
    }

    @Test func parsesNothingFromNothing() {
        #expect(NvidiaSMI.parse("").isEmpty)
        #expect(NvidiaSMI.parse("No devices were found\n").isEmpty)
    }

    @Test func isAbsentWhenNotOnThePath() async throws {
        try await withTemporaryDirectory { directory in
            #expect(NvidiaSMI.locate(searchPath: directory.path) == nil)
            #expect(NvidiaSMI.locate(searchPath: "") == nil)
        }
    }

    @Test func runsTheBinaryItFinds() async throws {
        try await withTemporaryDirectory { directory in
            let fake = directory.appendingPathComponent("nvidia-smi")
            try writeExecutable("#!/bin/sh\nprintf '%s\\n' '0, Fake GPU, 512, 8192, 50'\n", to: fake)

            let smi = try #require(NvidiaSMI.locate(searchPath: "/nonexistent:\(directory.path)"))
            #expect(smi.executablePath == fake.path)
            let gpus = try #require(await smi.query())
            let expected = GPUDeviceUsage(
                index: 0, name: "Fake GPU", memoryUsedBytes: 512 * 1_048_576, memoryTotalBytes: 8_192 * 1_048_576,
                utilization: 0.5)
            #expect(gpus == [expected])
        }
    }

    @Test func failuresGiveNoSample() async throws {
        try await withTemporaryDirectory { directory in
            let failing = directory.appendingPathComponent("nvidia-smi")
            try writeExecutable("#!/bin/sh\necho 'NVIDIA-SMI has failed' >&2\nexit 9\n", to: failing)

            #expect(await NvidiaSMI(executablePath: failing.path).query() == nil)
            #expect(await NvidiaSMI(executablePath: "/nonexistent/nvidia-smi").query() == nil)
        }
    }

    @Test func aHungBinaryIsTerminated() async throws {
        try await withTemporaryDirectory { directory in
            let hung = directory.appendingPathComponent("nvidia-smi")
            // `exec` so the terminate signal reaches the process that holds the pipe open.
            try writeExecutable("#!/bin/sh\nexec sleep 3600\n", to: hung)

            let clock = ContinuousClock()
            let start = clock.now
            #expect(await NvidiaSMI(executablePath: hung.path).query(timeout: .milliseconds(200)) == nil)
            // Far below the child's hour. Not near the timeout: the whole suite runs in parallel on
            // two cores, and there even a test that does nothing waits a minute for a thread.
            #expect(clock.now - start < .seconds(300))
        }
    }
}
