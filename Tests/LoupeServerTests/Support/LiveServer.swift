import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import LoupeCore
import LoupeOTLP
import LoupeServer
import LoupeStoreSQLite
import NIOCore
import SwiftProtobuf

/// Runs the real Loupe application on loopback over a fresh SQLite file, and helps send OTLP to it.
enum LiveServer {
    /// A fixed "now" (2026-11-27 12:00 UTC) so "the last hour" is the same on every run.
    static let now: Int64 = 1_795_780_800_000_000_000

    /// `setup`: `.ahc(.https)` for a server configured with TLS.
    static func run(
        _ configure: (inout ServerConfiguration) -> Void = { _ in }, setup: TestingSetup = .live,
        _ test: @escaping @Sendable (any TestClientProtocol, SQLiteTelemetryStore) async throws -> Void
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = ServerConfiguration(port: 0, databasePath: folder.appendingPathComponent("loupe.db").path)
        // Most suites test what the server answers, not who may ask: the access suites turn keys on.
        configuration.requireKeys = false
        configure(&configuration)
        let store = try SQLiteTelemetryStore(path: configuration.databasePath, options: .init(durability: .normal))
        var logger = Logger(label: "loupe.test")
        logger.logLevel = .warning
        let app = try LoupeApplication.make(
            configuration: configuration, store: store, enrichers: try LoupeApplication.defaultEnrichers(), logger: logger, now: { now }
        )
        try await app.test(setup) { client in try await test(client, store) }
    }

    static func protobuf(_ spans: [RawSpan]) throws -> ByteBuffer {
        ByteBuffer(bytes: try OTLPTraceEncoder.protobufBody(from: spans))
    }

    static func gzip(_ buffer: ByteBuffer) throws -> ByteBuffer {
        var copy = buffer
        return try copy.compress(with: .gzip())
    }

    static func post(
        _ client: any TestClientProtocol, _ body: ByteBuffer, contentType: String = "application/x-protobuf",
        encoding: String? = nil, project: String? = nil, path: String = "/v1/traces"
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let encoding { headers[.contentEncoding] = encoding }
        if let project { headers[HTTPField.Name("x-loupe-project")!] = project }
        return try await client.execute(uri: path, method: .post, headers: headers, body: body)
    }

    static func json(_ client: any TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        let response = try await client.execute(uri: uri, method: .get)
        let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
        return (response.status, object)
    }
}
