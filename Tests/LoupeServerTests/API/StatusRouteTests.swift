import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeServer
import NIOCore
import Testing

@Suite("GET /api/v1/status")
struct StatusRouteTests {
    @Test func countsWhatIngestAcceptedAndRefusedAndSaysWhatTheStoreHolds() async throws {
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, try LiveServer.protobuf(ConventionFixtures.all)).status == .ok)
            #expect(try await LiveServer.post(client, ByteBuffer(bytes: [0x0A, 0xFF, 0xFF])).status == .badRequest)
            let (status, body) = try await LiveServer.json(client, "/api/v1/status")
            #expect(status == .ok)
            let ingest = try #require(body["ingest"] as? [String: Any])
            #expect(ingest["requests_accepted"] as? Int == 1)
            #expect(ingest["spans_accepted"] as? Int == 7)
            #expect(ingest["requests_invalid"] as? Int == 1)
            #expect(ingest["requests_throttled"] as? Int == 0)
            #expect(ingest["commits"] as? Int == 1)
            #expect(ingest["spans_committed"] as? Int == 7)
            let queue = try #require(body["queue"] as? [String: Any])
            #expect(queue["spans"] as? Int == 0)
            #expect(queue["bytes_in_flight"] as? Int == 0)
            #expect(queue["max_in_flight_bytes"] as? Int == 64 << 20)
            let store = try #require(body["store"] as? [String: Any])
            #expect((store["stored_bytes"] as? Int ?? 0) > 0)
            // Folded about once a second by maintenance: present, whatever its value at this instant.
            #expect(store["pending_aggregate_rows"] is Int)
            #expect(store["aggregate_lag_seconds"] is Double)
        }
    }
}
