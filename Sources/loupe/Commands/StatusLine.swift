import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeDemo
import LoupeStore
import Synchronization

/// Prints one live line about the last five minutes: in place on a terminal, every ten seconds otherwise.
final class StatusLine: Sendable {
    private let analytics: TelemetryAnalytics
    private let progress = Mutex(DemoTrafficGenerator.Progress())
    private let interactive = isatty(STDOUT_FILENO) == 1

    init(analytics: TelemetryAnalytics) {
        self.analytics = analytics
    }

    func record(_ update: DemoTrafficGenerator.Progress) {
        progress.withLock { $0 = update }
    }

    func run() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(interactive ? 2 : 10))
            guard !Task.isCancelled else { return }
            await printLine()
        }
    }

    private func printLine() async {
        let sent = progress.withLock { $0 }
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        guard let report = try? await analytics.summary(.init(range: .last(seconds: 300, now: now))) else { return }
        let requests = report.totals.measures.requests
        let usage = report.totals.measures.spans
        let p95 = requests.latency.quantile(0.95).map { String(format: "%.0f ms", $0) } ?? "-"
        var line = "sent \(sent.traces) traces (\(sent.spans) spans) | last 5 min: \(requests.count) requests, "
            + String(format: "%.1f%% failed", (requests.errorRate ?? 0) * 100) + ", p95 \(p95), \(usage.totalTokens) tokens, "
            + (usage.knownCostUSD.map { String(format: "$%.4f", $0) } ?? "cost unknown")
        if sent.failedRequests > 0 { line += " | \(sent.failedRequests) failed sends: \(sent.lastError ?? "")" }
        if interactive {
            // Unbuffered, so the line updates in place without a newline.
            FileHandle.standardOutput.write(Data(("\r\u{1B}[2K" + line).utf8))
        } else {
            print(line)
        }
    }
}
