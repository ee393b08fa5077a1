import Foundation

/// Number formatting and timing helpers shared by the benchmarks.
enum BenchFormat {
    /// Prints at once, even into a pipe, so progress shows while long benchmarks run.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func rate(_ count: Int, seconds: Double) -> String {
        String(format: "%.0f", Double(count) / max(seconds, 1e-9))
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }

    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((q * Double(sorted.count - 1)).rounded()))]
    }

    static func temporaryDatabase(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-bench-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }
}
