import AsyncHTTPClient
import CompressNIO
import LoupeOTLP
import NIOCore
import NIOHTTP1

/// Encodes span batches as OTLP protobuf and POSTs them, one attempt at a time; retrying is the
/// exporter's decision.
struct OTLPHTTPTransport: Sendable {
    /// OTLP recommends clients accept responses up to 4 MiB.
    static let maxResponseBytes = 4 << 20

    let client: HTTPClient
    let configuration: OTLPExporter.Configuration
    let wallClock: any TelemetryClock

    /// The request body for `spans`, built once per batch so retries resend the same bytes.
    func body(for spans: [FinishedSpan]) throws -> ByteBuffer {
        let raw = spans.map { $0.toRawSpan(resource: configuration.resource, scopeName: configuration.scopeName) }
        var buffer = ByteBuffer(bytes: try OTLPTraceEncoder.protobufBody(from: raw))
        if configuration.compression == .gzip {
            buffer = try buffer.compress(with: .gzip())
        }
        return buffer
    }

    func send(_ body: ByteBuffer) async -> ExportAttemptOutcome {
        var request = HTTPClientRequest(url: configuration.endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-protobuf")
        if let encoding = configuration.compression.contentEncoding {
            request.headers.add(name: "Content-Encoding", value: encoding)
        }
        request.headers.add(name: "User-Agent", value: "loupe-swift")
        for (name, value) in configuration.headers {
            request.headers.replaceOrAdd(name: name, value: value)
        }
        request.body = .bytes(body)
        do {
            let timeout = TimeAmount.nanoseconds(Int64(min(configuration.exportTimeout.doubleNanoseconds, 9e18)))
            let response = try await client.execute(request, timeout: timeout)
            // A body too large to read still leaves the status, which is what decides.
            let responseBody = (try? await response.body.collect(upTo: Self.maxResponseBytes)) ?? ByteBuffer()
            return ExportAttemptOutcome.classify(
                status: response.status, headers: response.headers, body: responseBody,
                nowUnixNanos: wallClock.now().unixNanos)
        } catch {
            if Task.isCancelled { return .permanent(reason: "cancelled") }
            return .retryable(reason: "network error: \(error)", retryAfter: nil)
        }
    }
}
