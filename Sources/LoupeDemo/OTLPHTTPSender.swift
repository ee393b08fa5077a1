import AsyncHTTPClient
import CompressNIO
import Foundation
import LoupeCore
import LoupeOTLP
import NIOCore
import NIOHTTP1

/// Sends spans to an OTLP/HTTP endpoint as gzipped protobuf, waiting out 429/503 as the server asks.
public struct OTLPHTTPSender: Sendable {
    public enum SendError: Error, CustomStringConvertible {
        case rejected(status: Int, body: String)
        public var description: String {
            switch self {
            case .rejected(let status, let body): return "the collector answered HTTP \(status): \(body)"
            }
        }
    }

    public let endpoint: String
    public let maxAttempts: Int
    /// Sent as `Authorization: Bearer …`; nil for a server without keys.
    public let apiKey: String?
    private let client: HTTPClient

    /// `endpoint` is the full traces URL, e.g. `http://127.0.0.1:4318/v1/traces`.
    public init(endpoint: String, apiKey: String? = nil, client: HTTPClient = .shared, maxAttempts: Int = 5) {
        self.endpoint = endpoint
        self.apiKey = apiKey
        self.client = client
        self.maxAttempts = maxAttempts
    }

    /// Sends one request; returns the number of spans the server reported as rejected.
    @discardableResult
    public func send(_ spans: [RawSpan]) async throws -> Int64 {
        let body = try OTLPTraceEncoder.protobufBody(from: spans)
        var buffer = ByteBuffer(bytes: body)
        let compressed = try buffer.compress(with: .gzip())
        var attempt = 0
        while true {
            attempt += 1
            var request = HTTPClientRequest(url: endpoint)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-protobuf")
            request.headers.add(name: "Content-Encoding", value: "gzip")
            if let apiKey { request.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
            request.body = .bytes(compressed)
            let response = try await client.execute(request, timeout: .seconds(30))
            let bytes = try await response.body.collect(upTo: 4 << 20)
            if response.status.code == 200 { return try OTLPTraceDecoder.rejectedSpans(inResponse: Array(buffer: bytes)) }
            guard [429, 502, 503, 504].contains(response.status.code), attempt < maxAttempts else {
                throw SendError.rejected(status: Int(response.status.code), body: String(buffer: bytes))
            }
            let wait = response.headers.first(name: "Retry-After").flatMap(Double.init) ?? Double(1 << attempt) * 0.1
            try await Task.sleep(for: .seconds(min(wait, 30)))
        }
    }
}
