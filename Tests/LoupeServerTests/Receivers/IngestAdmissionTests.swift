import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import LoupeOTLP
import LoupeServer
import LoupeStore
import NIOCore
import Testing

@Suite("Ingest turns overload away before doing the work")
struct IngestAdmissionTests {
    /// The application's routes without its writer: nothing queued is ever committed, so tests can
    /// hold the memory budget and see what a receiver does under it.
    func withRoutes(
        maxInFlightBytes: Int, _ test: @Sendable (any TestClientProtocol, Ingest) async throws -> Void
    ) async throws {
        var configuration = ServerConfiguration(port: 0, maxInFlightBytes: maxInFlightBytes)
        configuration.requireKeys = false
        let parts = LoupeApplication.parts(
            configuration: configuration, store: InMemoryTelemetryStore(), logger: Logger(label: "test"), now: { LiveServer.now })
        let ingest = Ingest(budget: parts.budget, counters: parts.counters, queue: parts.queue)
        try await Application(router: parts.router).test(.router) { client in try await test(client, ingest) }
    }

    /// The ingest state a test holds and reads.
    struct Ingest: Sendable {
        let budget: IngestBudget
        let counters: IngestCounters
        let queue: IngestQueue
    }

    @Test func aSpentBudgetRefusesARequestBeforeItsBodyIsRead() async throws {
        try await withRoutes(maxInFlightBytes: 10_000) { client, parts in
            #expect(parts.budget.reserve(10_000))
            // The body is not OTLP at all: a 429 rather than a 400 shows it was never decoded.
            let response = try await LiveServer.post(client, ByteBuffer(bytes: [0x0A, 0xFF, 0xFF]))
            #expect(response.status == .tooManyRequests)
            #expect(response.headers[.retryAfter] == "2")
            #expect(parts.counters.snapshot.requestsThrottled == 1)
            #expect(parts.counters.snapshot.requestsInvalid == 0)
            parts.budget.release(10_000)
            #expect(try await LiveServer.post(client, ByteBuffer(bytes: [0x0A, 0xFF, 0xFF])).status == .badRequest)
            #expect(parts.counters.snapshot.requestsInvalid == 1)
            #expect(parts.budget.bytesInFlight == 0)
        }
    }

    @Test func aBodyThatWouldOverspendTheBudgetBesideOthersIsRefused() async throws {
        try await withRoutes(maxInFlightBytes: 10_000) { client, parts in
            #expect(parts.budget.reserve(4_000))
            let body = try LiveServer.protobuf(Array(repeating: ConventionFixtures.all[1], count: 40))
            #expect(body.readableBytes > 6_000)
            let response = try await LiveServer.post(client, body)
            #expect(response.status == .tooManyRequests)
            // What the refused request reserved is given back.
            #expect(parts.budget.bytesInFlight == 4_000)
            #expect(parts.queue.depth == 0)
        }
    }
}
