import CompressNIO
import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeDemo
import LoupeServer
import NIOCore
import Testing

/// The dashboard over HTTP: where `/` leads, the security headers every page carries, compression,
/// assets from the binary, and bad parameters answered as pages that say what is wrong.
struct DashboardRoutesTests {
    static let csp = "Content-Security-Policy"

    @Test func rootLeadsToTheDashboard() async throws {
        try await LiveServer.run { client, _ in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .seeOther || response.status == .found)
            #expect(response.headers[.location] == "/ui/")
        }
    }

    @Test func pagesCarryAStrictPolicyAndAreCompressed() async throws {
        let traces = DemoTrafficGenerator(failureRate: 0.2, seed: 3).traces(60, nowNanos: LiveServer.now, spreadSeconds: 600)
        let body = try LiveServer.protobuf(traces.flatMap { $0 })
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, body).status == .ok)
            for path in ["/ui/", "/ui/traces", "/ui/errors"] {
                let response = try await client.execute(uri: path, method: .get, headers: [.acceptEncoding: "gzip, deflate"])
                #expect(response.status == .ok, "\(path)")
                let policy = try #require(response.headers[HTTPField.Name(Self.csp)!])
                #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "\(path)")
                #expect(response.headers[.contentEncoding] == "gzip", "\(path)")
                var compressed = response.body
                let html = String(buffer: try compressed.decompress(with: .gzip()))
                #expect(html.contains("<main>"), "\(path)")
                // No inline script anywhere: the only script is Loupe's own file.
                #expect(html.components(separatedBy: "<script").count - 1 == 1, "\(path)")
                #expect(html.contains("<script src=\"/ui/assets/loupe.js\" defer></script>"), "\(path)")
            }
        }
    }

    @Test func assetsComeFromTheBinary() async throws {
        try await LiveServer.run { client, _ in
            let css = try await client.execute(uri: "/ui/assets/loupe.css", method: .get)
            #expect(css.status == .ok && css.headers[.contentType]?.hasPrefix("text/css") == true)
            let js = try await client.execute(uri: "/ui/assets/loupe.js", method: .get)
            #expect(js.status == .ok && String(buffer: js.body).hasPrefix("\"use strict\""))
            #expect(try await client.execute(uri: "/ui/assets/../loupe.db", method: .get).status == .notFound)
        }
    }

    @Test(arguments: [
        ("/ui/?range=2h", HTTPResponse.Status.badRequest, "range"), ("/ui/?colour=blue", .badRequest, "colour"),
        ("/ui/traces/not-a-trace", .badRequest, "32-character"), ("/ui/traces/" + String(repeating: "a", count: 32), .notFound, "No trace"),
        ("/ui/traces?min_ms=-3", .badRequest, "min_ms"),
    ])
    func badRequestsAreAnsweredWithAPageThatSaysWhy(path: String, status: HTTPResponse.Status, says: String) async throws {
        try await LiveServer.run { client, _ in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == status)
            #expect(String(buffer: response.body).contains(says))
        }
    }
}
