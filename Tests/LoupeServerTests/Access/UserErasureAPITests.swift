import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LoupeServer
import LoupeStore
import NIOCore
import Testing

/// Erasing and exporting one user through the API, admin-only, audited without their id.
struct UserErasureAPITests {
    @Test func anAdminExportsThenErasesAUserAndTheTrailNamesThemByAPseudonym() async throws {
        try await AccessControlTests.withKeys { client, store, keys in
            let admin = AccessControlTests.with(try await keys.create(name: "dpo", scope: .admin, project: nil, actor: "test").text)
            let reader = AccessControlTests.with(try await keys.create(name: "ana", scope: .read, project: nil, actor: "test").text)
            let ingest = try await keys.create(name: "rag", scope: .ingest, project: "acme", actor: "test").text
            var headers = AccessControlTests.with(ingest)
            headers[.contentType] = "application/x-protobuf"
            let sent = try await client.execute(uri: "/v1/traces", method: .post, headers: headers, body: try LiveServer.protobuf(ConventionFixtures.all))
            #expect(sent.status == .ok)

            #expect(try await client.execute(uri: "/api/v1/users/alice/export", method: .get, headers: reader).status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/users/alice", method: .delete, headers: reader).status == .forbidden)

            let export = try await client.execute(uri: "/api/v1/users/alice/export", method: .get, headers: admin)
            #expect(export.status == .ok)
            let body = try JSONSerialization.jsonObject(with: Data(export.body.readableBytesView)) as? [String: Any] ?? [:]
            let traces = body["traces"] as? [[String: Any]] ?? []
            #expect(body["user"] as? String == "alice" && traces.count == 1)
            #expect((traces.first?["trace_id"] as? String) == ConventionFixtures.otelTrace)

            let erased = try await client.execute(uri: "/api/v1/users/alice", method: .delete, headers: admin)
            #expect(erased.status == .ok)
            let answer = try JSONSerialization.jsonObject(with: Data(erased.body.readableBytesView)) as? [String: Any] ?? [:]
            #expect((answer["deleted"] as? [String: Any])?["traces"] as? Int == 1)
            let pseudonym = try #require(answer["user"] as? String)
            #expect(pseudonym.hasPrefix("user ") && !pseudonym.contains("alice"))
            #expect(try await store.traces(TraceQuery(fromNanos: 0, toNanos: .max, limit: 100, user: "alice")).isEmpty)

            let trail = try await store.auditEntries(AuditQuery())
            #expect(trail.suffix(2).map(\.record.action) == ["user.exported", "user.erased"])
            #expect(trail.suffix(2).allSatisfy { $0.record.target == pseudonym })
            #expect(!trail.contains { "\($0.record)".contains("alice") })
        }
    }

    @Test func retentionIsShownAndChangedByAnAdminOnly() async throws {
        try await AccessControlTests.withKeys { client, store, keys in
            let admin = AccessControlTests.with(try await keys.create(name: "ops", scope: .admin, project: nil, actor: "test").text)
            let reader = AccessControlTests.with(try await keys.create(name: "ana", scope: .read, project: nil, actor: "test").text)
            let policy = ByteBuffer(string: #"{"spans_days": 30, "rollups_days": 400, "projects": {"acme": {"spans_days": 7}}}"#)
            #expect(try await client.execute(uri: "/api/v1/retention", method: .put, headers: reader, body: policy).status == .forbidden)
            let changed = try await client.execute(uri: "/api/v1/retention", method: .put, headers: admin, body: policy)
            #expect(changed.status == .ok)
            let shown = try await client.execute(uri: "/api/v1/retention", method: .get, headers: reader)
            let body = try JSONSerialization.jsonObject(with: Data(shown.body.readableBytesView)) as? [String: Any] ?? [:]
            let shownPolicy = body["policy"] as? [String: Any] ?? [:]
            #expect(shownPolicy["spans_days"] as? Int == 30 && (shownPolicy["projects"] as? [String: [String: Int]])?["acme"]?["spans_days"] == 7)
            for bad in [#"{"spans_days": 0}"#, #"{"spans_days": "a week"}"#, "nope"] {
                #expect(try await client.execute(uri: "/api/v1/retention", method: .put, headers: admin, body: ByteBuffer(string: bad)).status == .badRequest)
            }
            #expect(try await store.auditEntries(AuditQuery()).last?.record.action == "retention.changed")
        }
    }
}
