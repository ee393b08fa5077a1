import ArgumentParser
import Foundation
import Hummingbird
import Logging
import LoupeServer
import LoupeStoreSQLite

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the Loupe server: OTLP/HTTP ingest on /v1/traces and the JSON API on /api/v1.",
        discussion: "Stops cleanly on Ctrl-C or SIGTERM: requests in flight are committed or answered with an error."
    )

    @OptionGroup var server: ServerOptions

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        var logger = Logger(label: "loupe")
        logger.logLevel = logLevel
        let configuration = try server.configuration()
        let store = try SQLiteTelemetryStore(path: configuration.databasePath, options: configuration.storeOptions)
        try await store.claimIngest()
        let app = LoupeApplication.make(
            configuration: configuration, store: store, enrichers: try server.enrichers(), prices: try server.pricing.catalog(), logger: logger, onServerRunning: { port in
            print("Loupe dashboard: http://\(configuration.host):\(port)/ui/  (database: \(configuration.databasePath))")
            print("  OTLP/HTTP traces: POST http://\(configuration.host):\(port)/v1/traces")
            print("  API:              http://\(configuration.host):\(port)/api/v1/summary?group_by=model")
            fflush(nil)  // every output stream: `stdout` is not concurrency-safe to name here
        })
        try await app.runService()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
