import Foundation
import Loupe
import Testing

struct ProcessResourceUsageTests {
    static let status = """
        Name:\tloupe-server
        Umask:\t0022
        State:\tS (sleeping)
        VmPeak:\t  812340 kB
        VmHWM:\t  204800 kB
        VmRSS:\t  102400 kB
        Threads:\t12
        voluntary_ctxt_switches:\t150
        """

    /// The command name holds spaces and a `)`, as `prctl(PR_SET_NAME)` allows.
    static let stat =
        "4242 (my (odd) app) S 1 4242 4242 0 -1 4194560 2500 0 0 0 1234 567 0 0 20 0 12 0 9876 831488000 25600 "
        + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 17 3 0 0 0 0 0\n"

    @Test func parsesStatus() {
        let usage = ProcessResourceUsage.parseStatus(Self.status)
        #expect(usage.residentBytes == 102_400 * 1_024)
        #expect(usage.peakResidentBytes == 204_800 * 1_024)
        #expect(usage.threadCount == 12)
    }

    @Test func parsesStatCountingFieldsAfterTheCommandName() throws {
        let usage = try #require(ProcessResourceUsage.parseStat(Self.stat, ticksPerSecond: 100))
        #expect(usage.userCPUSeconds == 12.34)
        #expect(usage.systemCPUSeconds == 5.67)
        #expect(usage.totalCPUSeconds == 12.34 + 5.67)
    }

    @Test(arguments: ["", "4242 (app", "4242 (app) S 1 2", "4242 (app) S 1 2 3 4 5 6 7 8 9 x y z", "garbage"])
    func rejectsMalformedStat(_ text: String) {
        #expect(ProcessResourceUsage.parseStat(text, ticksPerSecond: 100) == nil)
    }

    @Test func toleratesMalformedStatus() {
        let usage = ProcessResourceUsage.parseStatus("VmRSS:\tlots kB\nThreads\nnonsense\n\n:::\n")
        #expect(usage == ProcessResourceUsage())
    }

    @Test func readsAProcDirectory() async throws {
        try await withTemporaryDirectory { directory in
            try Data(Self.status.utf8).write(to: directory.appendingPathComponent("status"))
            try Data(Self.stat.utf8).write(to: directory.appendingPathComponent("stat"))

            let usage = try #require(ProcessResourceUsage.read(fromProcDirectory: directory.path))
            #expect(usage.residentBytes == 102_400 * 1_024)
            #expect(usage.userCPUSeconds != nil)
        }
    }

    @Test func aMissingProcDirectoryGivesNoSample() {
        #expect(ProcessResourceUsage.read(fromProcDirectory: "/nonexistent/proc/self") == nil)
    }

    #if os(Linux)
    @Test func readsThisProcess() throws {
        let usage = try #require(ProcessResourceUsage.read())
        #expect((usage.residentBytes ?? 0) > 0)
        #expect((usage.threadCount ?? 0) >= 1)
        #expect(usage.totalCPUSeconds != nil)
    }
    #endif
}
