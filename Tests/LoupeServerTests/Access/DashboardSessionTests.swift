import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LoupeServer
import LoupeStore
import NIOCore
import Testing

/// Logging in to the dashboard with a key, the session cookie it sets, and what a session may not do.
struct DashboardSessionTests {
    static func login(_ client: some TestClientProtocol, key: String, next: String = "/ui/errors") async throws -> TestResponse {
        let form = "key=\(key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
        return try await client.execute(
            uri: "/ui/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost"],
            body: ByteBuffer(string: form)
        )
    }

    /// The `name=value` of a Set-Cookie header, as a browser sends it back.
    static func cookie(_ response: TestResponse) -> String {
        String(response.headers[.setCookie]?.split(separator: ";").first ?? "")
    }

    @Test func aReadKeyLogsInWithAStrictHttpOnlyCookie() async throws {
        let store = InMemoryTelemetryStore()
        let parts = AccessControlTests.parts(store)
        let read = try await parts.keys.create(name: "ana", scope: .read, project: nil, actor: "test")
        let ingest = try await parts.keys.create(name: "svc", scope: .ingest, project: "shop", actor: "test").text
        let keys = parts.keys
        try await Application(router: parts.router).test(.router) { client in
            let anonymous = try await client.execute(uri: "/ui/errors?range=24h", method: .get)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/ui/login?next=%2Fui%2Ferrors%3Frange%3D24h")
            let page = try await client.execute(uri: "/ui/login?next=%2Fui%2Ferrors", method: .get)
            #expect(page.status == .ok && String(buffer: page.body).contains(#"name="key" type="password""#))

            let loggedIn = try await Self.login(client, key: read.text)
            #expect(loggedIn.status == .seeOther)
            #expect(loggedIn.headers[.location] == "/ui/errors")
            let setCookie = try #require(loggedIn.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && !setCookie.contains("Secure"))
            #expect(!setCookie.contains(read.text))
            let cookie = Self.cookie(loggedIn)
            #expect(try await client.execute(uri: "/ui/errors", method: .get, headers: [.cookie: cookie]).status == .ok)

            #expect(try await Self.login(client, key: ingest).status == .forbidden)
            #expect(try await Self.login(client, key: read.text + "x").status == .unauthorized)
            // Only dashboard paths are destinations: the login page sends nobody elsewhere.
            for next in ["//evil.example/ui/", "https://evil.example/ui/", "/api/v1/keys", "/ui/\r\nSet-Cookie: x"] {
                #expect(try await Self.login(client, key: read.text, next: next).headers[.location] == "/ui/")
            }

            let forged = cookie.replacingOccurrences(of: read.key.id, with: "lpk_0123456789")
            #expect(try await client.execute(uri: "/ui/", method: .get, headers: [.cookie: forged]).status == .seeOther)
            #expect(try await keys.revoke(id: read.key.id, actor: "test"))
            #expect(try await client.execute(uri: "/ui/errors", method: .get, headers: [.cookie: cookie]).status == .seeOther)
        }
    }

    @Test func aSessionCannotBeUsedFromAnotherSiteOrToSendTelemetry() async throws {
        let parts = AccessControlTests.parts(InMemoryTelemetryStore())
        let admin = try await parts.keys.create(name: "ops", scope: .admin, project: nil, actor: "test").text
        try await Application(router: parts.router).test(.router) { client in
            let cookie = Self.cookie(try await Self.login(client, key: admin))
            for headers: HTTPFields in [
                [.cookie: cookie, HTTPField.Name("Sec-Fetch-Site")!: "cross-site"],
                [.cookie: cookie, .origin: "https://evil.example", HTTPField.Name("Host")!: "localhost"],
            ] {
                let refused = try await client.execute(uri: "/api/v1/budgets/x", method: .delete, headers: headers)
                #expect(refused.status == .forbidden)
            }
            let telemetry = try await client.execute(
                uri: "/v1/traces", method: .post, headers: [.cookie: cookie, .contentType: "application/json"], body: ByteBuffer(string: "{}")
            )
            #expect(telemetry.status == .unauthorized)
            let out = try await client.execute(uri: "/ui/logout", method: .post, headers: [.cookie: cookie])
            #expect(out.status == .seeOther && out.headers[.setCookie]?.contains("Max-Age=0") == true)
        }
    }
}
