import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import LoupeOTLP
import NIOCore
import SwiftProtobuf
import Synchronization
import Testing

/// A real OTLP/HTTP collector on loopback (Hummingbird, `.live`): it records every export
/// request, decompressed and decoded, and answers from a script, then 200 once the script ends.
final class RecordingCollector: Sendable {
    struct Request: Sendable {
        var contentType: String?
        var contentEncoding: String?
        var message: OTLPExportTraceServiceRequest

        var spanNames: [String] {
            message.resourceSpans.flatMap { $0.scopeSpans.flatMap { $0.spans.map(\.name) } }
        }

        var resource: [String: String] {
            var resource: [String: String] = [:]
            for attribute in message.resourceSpans.first?.resource.attributes ?? [] {
                resource[attribute.key] = attribute.value.stringValue
            }
            return resource
        }
    }

    struct Reply: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields = [:]
        var body = ByteBuffer()

        static let ok = Reply(status: .ok)
        static let unavailable = Reply(status: .serviceUnavailable)

        static func tooManyRequests(retryAfter: String) -> Reply {
            Reply(status: .tooManyRequests, headers: [.retryAfter: retryAfter])
        }

        /// A 400 with a `google.rpc.Status` body, as OTLP prescribes for bad data.
        static func badRequest(_ message: String) throws -> Reply {
            var status = RPCStatus()
            status.code = 3
            status.message = message
            return Reply(
                status: .badRequest, headers: [.contentType: "application/x-protobuf"],
                body: ByteBuffer(bytes: try status.serializedBytes() as [UInt8]))
        }

        static func partialSuccess(rejected: Int64, message: String) throws -> Reply {
            var response = OTLPExportTraceServiceResponse()
            response.partialSuccess.rejectedSpans = rejected
            response.partialSuccess.errorMessage = message
            return Reply(
                status: .ok, headers: [.contentType: "application/x-protobuf"],
                body: ByteBuffer(bytes: try response.serializedBytes() as [UInt8]))
        }
    }

    private struct State {
        var script: [Reply]
        var requests: [Request] = []
        var waiters: [(count: Int, continuation: CheckedContinuation<[Request], Never>)] = []
    }

    private let state: Mutex<State>

    init(replies: [Reply] = []) {
        state = Mutex(State(script: replies))
    }

    /// Serves until `test` returns; `test` gets the full `/v1/traces` URL.
    func run(_ test: @escaping @Sendable (_ endpoint: String) async throws -> Void) async throws {
        let router = Router()
        router.post("/v1/traces") { request, _ in try await self.receive(request) }
        let app = Application(router: router, logger: Logger(label: "collector", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await test("http://localhost:\(port)/v1/traces")
        }
    }

    /// Every request received so far.
    var requests: [Request] {
        state.withLock { $0.requests }
    }

    /// Waits until at least `count` requests arrived; returns them all.
    func requests(count: Int) async -> [Request] {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> [Request]? in
                if state.requests.count >= count { return state.requests }
                state.waiters.append((count, continuation))
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func receive(_ request: Hummingbird.Request) async throws -> Response {
        var body = try await request.body.collect(upTo: 64 << 20)
        let encoding = request.headers[.contentEncoding]
        if encoding == "gzip" {
            body = try body.decompress(with: .gzip())
        }
        let message = try OTLPTraceDecoder.decode(protobuf: Data(body.readableBytesView))
        let recorded = Request(contentType: request.headers[.contentType], contentEncoding: encoding, message: message)
        let (reply, ready) = state.withLock { state in
            state.requests.append(recorded)
            let reply = state.script.isEmpty ? Reply.ok : state.script.removeFirst()
            let count = state.requests.count
            let ready = state.waiters.filter { $0.count <= count }.map(\.continuation)
            state.waiters.removeAll { $0.count <= count }
            return (reply, ready.map { ($0, state.requests) })
        }
        for (continuation, requests) in ready { continuation.resume(returning: requests) }
        return Response(status: reply.status, headers: reply.headers, body: .init(byteBuffer: reply.body))
    }
}

