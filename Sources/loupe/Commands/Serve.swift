import ArgumentParser
import Foundation
import Hummingbird
import Logging
import LoupeServer
import LoupeStore

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the Loupe server: OTLP ingest (HTTP on /v1/traces, /v1/metrics and /v1/logs; gRPC on 4317), the dashboard and the JSON API on /api/v1.",
        discussion: "Stops cleanly on Ctrl-C or SIGTERM: requests in flight are committed or answered with an error."
    )

    @OptionGroup var server: ServerOptions

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        var logger = Logger(label: "loupe")
        logger.logLevel = logLevel
        let configuration = try server.configuration()
        let store = try await server.openStore(configuration)
        try await store.claimIngest()
        if configuration.requireKeys { try await Self.createFirstKey(store: store) }
        let app = try LoupeApplication.make(
            configuration: configuration, store: store, enrichers: try server.enrichers(), prices: try server.pricing.catalog(), logger: logger, onServerRunning: { port in
            let scheme = configuration.scheme
            print("Loupe dashboard: \(scheme)://\(configuration.host):\(port)/ui/  (data: \(configuration.storeDescription))")
            print("  OTLP/HTTP:        POST \(scheme)://\(configuration.host):\(port)/v1/traces, /v1/metrics, /v1/logs")
            print("  API:              \(scheme)://\(configuration.host):\(port)/api/v1/summary?group_by=model")
            print(configuration.requireKeys
                ? "  API keys are required: `loupe keys create --help` explains them."
                : "  --no-auth: anyone who reaches this port may read and change everything.")
            fflush(nil)  // every output stream: `stdout` is not concurrency-safe to name here
        }, onGRPCListening: { port in
            print("  OTLP/gRPC:        \(configuration.host):\(port) (traces, metrics, logs)")
            fflush(nil)
        })
        try await app.runService()
    }
}

extension Serve {
    /// On a database without keys, creates the admin key and prints it, this once: without it
    /// nobody could create the others.
    static func createFirstKey(store: any TelemetryStore) async throws {
        let keys = AccessKeys(store: store, now: LoupeApplication.wallClockNanos)
        guard try await keys.isEmpty() else { return }
        let created = try await keys.create(name: "first admin", scope: .admin, project: nil, actor: "loupe")
        print("""
            First start: created the admin key. It is shown this once; keep it somewhere safe:

                \(created.text)

            Log in to the dashboard with it, and make narrower keys with `loupe keys create` (an ingest key
            per service, a read key per person).

            """)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
