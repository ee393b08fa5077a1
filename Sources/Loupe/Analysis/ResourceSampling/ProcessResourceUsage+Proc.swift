import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ProcessResourceUsage {
    /// Reads `status` and `stat` from `directory` (`/proc/self` by default); nil when neither can
    /// be read or parsed, as on macOS or in a sandbox without `/proc`.
    public static func read(fromProcDirectory directory: String = "/proc/self") -> ProcessResourceUsage? {
        let status = readText(directory + "/status").map(parseStatus)
        let stat = readText(directory + "/stat").flatMap { parseStat($0, ticksPerSecond: clockTicksPerSecond) }
        guard status != nil || stat != nil else { return nil }
        var usage = status ?? ProcessResourceUsage()
        usage.userCPUSeconds = stat?.userCPUSeconds
        usage.systemCPUSeconds = stat?.systemCPUSeconds
        return usage
    }

    /// Memory and threads from the text of `/proc/<pid>/status`: `VmRSS` and `VmHWM` (in kB, as
    /// the kernel always writes them) and `Threads`. Missing or malformed lines leave fields nil.
    public static func parseStatus(_ text: String) -> ProcessResourceUsage {
        var usage = ProcessResourceUsage()
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon]
            let fields = line[line.index(after: colon)...].split(whereSeparator: \.isWhitespace)
            guard let first = fields.first, let value = UInt64(first) else { continue }
            // Values are kibibytes whatever the unit column says; only `kB` has ever been written.
            let bytes = value.multipliedReportingOverflow(by: 1_024)
            switch key {
            case "VmRSS": usage.residentBytes = bytes.overflow ? nil : bytes.partialValue
            case "VmHWM": usage.peakResidentBytes = bytes.overflow ? nil : bytes.partialValue
            case "Threads": usage.threadCount = Int(exactly: value)
            default: continue
            }
        }
        return usage
    }

    /// User and system CPU seconds from the text of `/proc/<pid>/stat` (fields 14 and 15, in
    /// clock ticks), or nil when it is malformed; the other fields are left nil.
    ///
    /// The command name (field 2) is in parentheses and may itself contain spaces and `)`, so the
    /// fields are counted from the last `)`.
    public static func parseStat(_ text: String, ticksPerSecond: Double) -> ProcessResourceUsage? {
        guard ticksPerSecond > 0, let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(whereSeparator: \.isWhitespace)
        // After the name: state is field 3, so utime (14) and stime (15) are at offsets 11 and 12.
        guard fields.count > 12, let user = UInt64(fields[11]), let system = UInt64(fields[12]) else { return nil }
        return ProcessResourceUsage(
            userCPUSeconds: Double(user) / ticksPerSecond, systemCPUSeconds: Double(system) / ticksPerSecond)
    }

    private static var clockTicksPerSecond: Double {
        let ticks = sysconf(Int32(_SC_CLK_TCK))
        // 100 is what Linux has reported on every mainstream architecture for decades.
        return ticks > 0 ? Double(ticks) : 100
    }

    private static func readText(_ path: String) -> String? {
        // `/proc` files report a size of 0; `contents(atPath:)` reads to end of file regardless.
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }
}
