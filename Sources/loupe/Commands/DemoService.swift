import Foundation
import Logging
import Loupe
import LoupeAnalytics
import LoupeDemo
import LoupeStore
import ServiceLifecycle

/// The demo's traffic generator and live status line, as a lifecycle service beside the server.
struct DemoService: Service {
    let host: String
    let ports: AsyncStream<Int>
    let store: any TelemetryStore
    let generator: DemoTrafficGenerator
    let databasePath: String
    /// Nil when the server runs with `--no-auth`.
    let keys: DemoKeys?
    let logger: Logger

    func run() async throws {
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { return }
        let base = "http://\(host):\(port)"
        // The simulated knowledge base's article ids, for `loupe retrieval --inventory`.
        let inventory = databasePath + ".knowledge-base.txt"
        let written = FileManager.default.createFile(
            atPath: inventory, contents: Data(DemoTrafficGenerator.knowledgeBaseIds.joined(separator: "\n").utf8)
        )
        let contentGaps = written ? "\n  Content gaps:      loupe retrieval --db \(databasePath) --since 1h --inventory \(inventory)" : ""
        let login = keys.map { "\n  Log in with the demo's admin key: \($0.dashboard)" } ?? ""
        print("""
            Loupe demo is running. Open the dashboard: \(base)/ui/\(login)
              Simulated pipelines are sending OTLP to \(base)/v1/traces
              Summary by model:  \(base)/api/v1/summary?group_by=model
              By business unit:  \(base)/api/v1/summary?group_by=business_unit
              Errors over time:  \(base)/api/v1/timeseries?metric=errors&group_by=error_category
              Recent traces:     \(base)/api/v1/traces?limit=20
              A/B experiment:    \(base)/api/v1/experiments/answer-prompt
              Business impact:   \(base)/ui/business (ROI, query complexity, content gaps)\(contentGaps)
              Anomalies:         \(base)/ui/anomalies\(generator.incident.map { " (incidents from \(Int($0.after.components.seconds / 60)) min in: a runaway loop, rate limits, a dip)" } ?? "")
              Database:          \(databasePath)
            Press Ctrl-C to stop.

            """)
        // Logs and pipes buffer stdout by the block: the address must show while the demo runs.
        // `nil` flushes every stream; naming `stdout` is not concurrency-safe.
        fflush(nil)
        let sender = OTLPHTTPSender(endpoint: "\(base)/v1/traces", apiKey: keys?.ingest)
        let feedback = ScoreHTTPSender(endpoint: "\(base)/api/v1/scores", apiKey: keys?.ingest)
        let status = StatusLine(analytics: TelemetryAnalytics(store: store))
        // The Swift assistant is instrumented with Loupe's SDK and reaches the server through its OTLP exporter.
        let exporter = OTLPExporter(
            configuration: .init(
                endpoint: "\(base)/v1/traces", headers: keys.map { ["Authorization": "Bearer \($0.ingest)"] } ?? [:],
                resource: ["service.name": "swift-assistant", "loupe.project": "acme", "telemetry.sdk.name": "loupe"],
                maxDelay: .seconds(1)
            ),
            logger: logger
        )
        let telemetry = Telemetry(configuration: .init(pricing: try? .builtIn()))
        try telemetry.attach("otlp", to: OTLPExporter.patterns, handler: exporter)
        try await withThrowingTaskGroup(of: Void.self) { services in
            // Runs until graceful shutdown, then sends what is still queued.
            services.addTask { try await exporter.run() }
            services.addTask {
                await cancelWhenGracefulShutdown {
                    await withTaskGroup(of: Void.self) { group in
                        group.addTask {
                            await generator.run(sender: sender, feedback: feedback, progress: { progress in status.record(progress) })
                        }
                        group.addTask { await SwiftAssistantTraffic(seed: generator.seed).run(telemetry: telemetry) }
                        group.addTask { await status.run() }
                        await group.next()
                        group.cancelAll()
                    }
                }
            }
            try await services.waitForAll()
        }
    }
}
