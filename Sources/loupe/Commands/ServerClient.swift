import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A running server's API, for the CLI: the key from `LOUPE_API_KEY` (never a command-line
/// argument, which other users of the machine can read), and clear sentences for every failure.
struct ServerClient {
    let server: String

    /// The environment variable the CLI reads its API key from.
    static let keyVariable = "LOUPE_API_KEY"

    private var base: String { server.hasSuffix("/") ? String(server.dropLast()) : server }

    /// Sends a request and returns the JSON object it answered; an error status is a failure with the server's message.
    func send(_ method: String, _ path: String, body: [String: String]? = nil) async throws -> [String: Any] {
        let data = try await data(method, path, body: body)
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// The body of a successful answer.
    func data(_ method: String, _ path: String, body: [String: String]? = nil) async throws -> Data {
        var request = HTTPClientRequest(url: base + path)
        request.method = .RAW(value: method)
        if let key = ProcessInfo.processInfo.environment[Self.keyVariable], !key.isEmpty {
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
        }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        }
        let response: HTTPClientResponse
        let data: Data
        do {
            response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            data = Data(try await response.body.collect(upTo: 16 << 20).readableBytesView)
        } catch {
            throw CommandFailure("could not reach a Loupe server at \(base): \(error)")
        }
        guard (200..<300).contains(Int(response.status.code)) else {
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            let message = (object["error"] as? [String: Any])?["message"] as? String ?? "HTTP \(response.status.code)"
            let hint = response.status.code == 401 ? " (set \(Self.keyVariable) to a read key)" : ""
            throw CommandFailure("\(base)\(path): \(message)\(hint)")
        }
        return data
    }
}
