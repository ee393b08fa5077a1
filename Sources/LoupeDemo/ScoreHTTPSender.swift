import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends user feedback to Loupe's scores API, as an application's feedback buttons would.
public struct ScoreHTTPSender: Sendable {
    public let endpoint: String
    /// Sent as `Authorization: Bearer …`; nil for a server without keys.
    public let apiKey: String?
    private let client: HTTPClient

    /// `endpoint` is the full scores URL, e.g. `http://127.0.0.1:4318/api/v1/scores`.
    public init(endpoint: String, apiKey: String? = nil, client: HTTPClient = .shared) {
        self.endpoint = endpoint
        self.apiKey = apiKey
        self.client = client
    }

    public func send(_ feedback: [DemoFeedback]) async throws {
        guard !feedback.isEmpty else { return }
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let apiKey { request.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(feedback.map(\.payload))))
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status.code == 200 else {
            throw OTLPHTTPSender.SendError.rejected(status: Int(response.status.code), body: String(buffer: body))
        }
    }
}
