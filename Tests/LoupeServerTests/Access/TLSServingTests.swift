import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import LoupeServer
import LoupeStore
import NIOCore
import Testing

/// `--tls-cert` and `--tls-key`: HTTPS on loopback with a committed self-signed certificate
/// (`Fixtures/TLS/make-certificate.sh`), and session cookies marked Secure.
struct TLSServingTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/TLS")
    static let files = TLSFiles(
        certificatePath: fixtures.appendingPathComponent("localhost.crt").path, privateKeyPath: fixtures.appendingPathComponent("localhost.key").path
    )

    @Test func theServerSpeaksTLS() async throws {
        try await LiveServer.run({ configuration in
            configuration.requireKeys = true
            configuration.tls = Self.files
        }, setup: .ahc(.https)) { client, store in
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            let key = try await AccessKeys(store: store, now: { LiveServer.now }).create(name: "ana", scope: .read, project: nil, actor: "test").text
            #expect(try await client.execute(uri: "/api/v1/summary", method: .get).status == .unauthorized)
            #expect(try await client.execute(uri: "/api/v1/summary", method: .get, headers: AccessControlTests.with(key)).status == .ok)
        }
    }

    /// Seen on the router itself: the test client over TLS follows the login's redirect, and with
    /// it the cookie's header is gone.
    @Test func withTLSSessionCookiesAreSecure() async throws {
        var configuration = ServerConfiguration(port: 0)
        configuration.tls = Self.files
        configuration.serverSecret = Data(repeating: 7, count: 32)
        let parts = LoupeApplication.parts(configuration: configuration, store: InMemoryTelemetryStore(), logger: Logger(label: "test"))
        let key = try await parts.keys.create(name: "ana", scope: .read, project: nil, actor: "test").text
        try await Application(router: parts.router).test(.router) { client in
            let login = try await DashboardSessionTests.login(client, key: key)
            #expect(login.status == .seeOther)
            let cookie = try #require(login.headers[.setCookie])
            #expect(cookie.contains("; Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        }
    }

    @Test func filesThatCannotBeReadAreNamedInTheError() async throws {
        var configuration = ServerConfiguration(port: 0)
        configuration.tls = TLSFiles(certificatePath: "/nonexistent/loupe.crt", privateKeyPath: Self.files.privateKeyPath)
        let error = #expect(throws: TLSFilesError.self) {
            _ = try LoupeApplication.make(configuration: configuration, store: InMemoryTelemetryStore(), logger: Logger(label: "test"))
        }
        #expect(error?.description.contains("/nonexistent/loupe.crt") == true)
    }
}
