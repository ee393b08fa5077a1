import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads every NVIDIA GPU's memory and utilisation by running `nvidia-smi`, the one interface
/// every NVIDIA driver installs (NVML would need the driver's headers at build time).
///
/// ```swift
/// if let smi = NvidiaSMI.locate() {
///     let gpus = await smi.query() ?? []   // nil: the command failed or hung
/// }
/// ```
public struct NvidiaSMI: Sendable, Hashable {
    /// The arguments of every query: one CSV line per GPU, without header or units.
    public static let arguments = [
        "--query-gpu=index,name,memory.used,memory.total,utilization.gpu", "--format=csv,noheader,nounits",
    ]

    /// The binary run by ``query(timeout:)``.
    public var executablePath: String

    public init(executablePath: String) {
        self.executablePath = executablePath
    }

    /// The `nvidia-smi` found on `searchPath` (`PATH` by default), or nil when there is none, as on
    /// any machine without an NVIDIA driver.
    public static func locate(searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) -> NvidiaSMI? {
        let directories = (searchPath ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories where !directory.isEmpty {
            let path = String(directory) + "/nvidia-smi"
            if FileManager.default.isExecutableFile(atPath: path) { return NvidiaSMI(executablePath: path) }
        }
        return nil
    }

    /// Runs the query; nil when the binary cannot be started, exits with an error or does not
    /// answer within `timeout`, in which case it is terminated. A GPU that fell off the bus makes
    /// `nvidia-smi` hang, and sampling must not hang with it.
    public func query(timeout: Duration = .seconds(5)) async -> [GPUDeviceUsage]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = Self.arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let text: String? = await withCheckedContinuation { continuation in
            let answer = SingleAnswer(continuation)
            do {
                try process.run()
            } catch {
                answer.resume(nil)
                return
            }
            // Reading blocks a thread until the child closes its output, so it runs on Dispatch,
            // not on the cooperative pool; it reads to the end before waiting, because a child
            // blocked on a full pipe would never exit. Both the reader and the watchdog get queues
            // of their own: a labelled serial queue is given a thread even when every thread of
            // the global pool is blocked, which a busy process (or test run) does to it, and a
            // watchdog that waits for a free thread is no watchdog.
            DispatchQueue(label: "loupe.nvidia-smi.reader").async {
                let data = (try? output.fileHandleForReading.readToEnd()) ?? Data()
                process.waitUntilExit()
                let succeeded = process.terminationReason == .exit && process.terminationStatus == 0
                answer.resume(succeeded ? String(decoding: data, as: UTF8.self) : nil)
            }
            let deadline = DispatchTime.now() + .nanoseconds(Int(clamping: timeout.nanoseconds))
            DispatchQueue(label: "loupe.nvidia-smi.watchdog").asyncAfter(deadline: deadline) {
                // SIGKILL, not SIGTERM: a wedged driver call does not run signal handlers. The
                // answer is given now, whether or not the reader ever returns.
                if answer.resume(nil), process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
        }
        return text.map(Self.parse)
    }

    /// The GPUs in `nvidia-smi`'s CSV output (``arguments``): `0, NVIDIA A100-SXM4-40GB, 1024, 40960, 87`.
    ///
    /// Memory is in MiB. `[N/A]` and `[Not Supported]` values become nil; lines that do not start
    /// with a device index are skipped. Fields are split on commas from both ends, so a product
    /// name containing a comma survives.
    public static func parse(_ output: String) -> [GPUDeviceUsage] {
        output.split(whereSeparator: \.isNewline).compactMap { line in
            let raw = line.split(separator: ",", omittingEmptySubsequences: false)
            let fields = raw.map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 5, let index = Int(fields[0]) else { return nil }
            let tail = fields.suffix(3).map(Double.init)
            let mebibyte = 1_048_576.0
            let name = raw[1..<(raw.count - 3)].joined(separator: ",").trimmingCharacters(in: .whitespaces)
            return GPUDeviceUsage(
                index: index, name: name,
                memoryUsedBytes: tail[0].flatMap { bytes($0 * mebibyte) },
                memoryTotalBytes: tail[1].flatMap { bytes($0 * mebibyte) },
                utilization: tail[2].flatMap { $0.isFinite && $0 >= 0 ? min($0 / 100, 1) : nil })
        }
    }

    private static func bytes(_ value: Double) -> UInt64? {
        value.isFinite && value >= 0 && value < 1.8e19 ? UInt64(value) : nil
    }
}

/// Resumes a continuation exactly once, from whichever of the reader and the watchdog answers
/// first.
private final class SingleAnswer: Sendable {
    private let continuation: Mutex<CheckedContinuation<String?, Never>?>

    init(_ continuation: CheckedContinuation<String?, Never>) {
        self.continuation = Mutex(continuation)
    }

    /// Returns whether this call was the one that answered.
    @discardableResult
    func resume(_ value: String?) -> Bool {
        guard let continuation = continuation.withLock({ $0.take() }) else { return false }
        continuation.resume(returning: value)
        return true
    }
}
