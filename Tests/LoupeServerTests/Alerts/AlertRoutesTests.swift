import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The alerts API: rules managed while the server runs, and clear 4xx answers for bad input.
struct AlertRoutesTests {
    static func send(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil) async throws
        -> (HTTPResponse.Status, [String: Any])
    {
        let response = try await client.execute(
            uri: uri, method: method, headers: [.contentType: "application/json"], body: body.map { ByteBuffer(string: $0) }
        )
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
        return (response.status, object)
    }

    @Test func rulesAreAddedReplacedAndRemovedWhileTheServerRuns() async throws {
        try await LiveServer.run { client, _ in
            let (status, listed) = try await Self.send(client, .get, "/api/v1/alerts/rules")
            #expect(status == .ok)
            let names = (listed["rules"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names == ["latency_p95", "success_rate", "cost_per_query", "error_rate", "token_utilisation"])

            let rule = #"{"name": "chat_p99", "measure": "latency_p99_ms", "op": ">", "critical": 8000, "window": "10m", "group_by": ["model"]}"#
            let (added, body) = try await Self.send(client, .put, "/api/v1/alerts/rules/chat_p99", rule)
            #expect(added == .ok)
            let chat = (body["rules"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "chat_p99" }
            #expect(chat?["window"] as? String == "10m" && chat?["critical"] as? Double == 8_000)

            #expect(try await Self.send(client, .delete, "/api/v1/alerts/rules/chat_p99").0 == .noContent)
            #expect(try await Self.send(client, .delete, "/api/v1/alerts/rules/chat_p99").0 == .notFound)
        }
    }

    @Test(arguments: [
        (HTTPRequest.Method.put, "/api/v1/alerts/rules/x", #"{"name": "x", "measure": "latency_p95_ms"}"#, "warning or a critical threshold"),
        (.put, "/api/v1/alerts/rules/x", #"{"name": "y", "measure": "errors", "warning": 1}"#, "differs from the one in the path"),
        (.post, "/api/v1/alerts/rules", "not json", "invalid rule"),
        (.post, "/api/v1/alerts/rules", #"{"name": "x", "measure": "speed", "warning": 1}"#, "'speed' is not one of"),
        (.post, "/api/v1/alerts/0123456789abcdef/ack", nil, "no such alert"),
        (.post, "/api/v1/alerts/0123456789abcdef/silence", #"{"until": "yesterday"}"#, "duration such as 2h"),
        (.post, "/api/v1/alerts/0123456789abcdef/silence", "[1, 2]", "must be JSON like"),
        (.get, "/api/v1/alerts/history?limit=0", nil, "limit"),
    ] as [(HTTPRequest.Method, String, String?, String)])
    func badRequestsAreAnsweredWithASentence(method: HTTPRequest.Method, uri: String, body: String?, expected: String) async throws {
        try await LiveServer.run { client, _ in
            let (status, answer) = try await Self.send(client, method, uri, body)
            #expect((400..<500).contains(Int(status.code)))
            let message = (answer["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.contains(expected), "\(message)")
        }
    }
}
