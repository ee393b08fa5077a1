import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LoupeServer
import LoupeStore
import NIOCore
import Testing

/// Keys managed through the API, and the audit trail of what admins did and who read content.
struct AuditAPITests {
    @Test func keyChangesAndContentReadsAreAuditedAndTheTrailVerifies() async throws {
        try await AccessControlTests.withKeys { client, store, keys in
            let admin = try await keys.create(name: "ops", scope: .admin, project: nil, actor: "test")
            let asAdmin = AccessControlTests.with(admin.text)
            let created = try await client.execute(
                uri: "/api/v1/keys", method: .post, headers: asAdmin, body: ByteBuffer(string: #"{"name": "ana", "scope": "read"}"#)
            )
            #expect(created.status == .created)
            let body = try JSONSerialization.jsonObject(with: Data(created.body.readableBytesView)) as? [String: Any] ?? [:]
            let secret = try #require(body["secret"] as? String)
            let id = try #require((body["key"] as? [String: Any])?["id"] as? String)
            #expect(secret.hasPrefix(id + "_"))

            let listed = String(buffer: try await client.execute(uri: "/api/v1/keys", method: .get, headers: asAdmin).body)
            #expect(listed.contains(id) && !listed.contains(secret) && !listed.contains("hash"))
            for bad in [#"{"name": "x", "scope": "root"}"#, #"{"name": "x", "scope": "ingest"}"#, #"{"name": "", "scope": "read"}"#, "nope"] {
                let refused = try await client.execute(uri: "/api/v1/keys", method: .post, headers: asAdmin, body: ByteBuffer(string: bad))
                #expect(refused.status == .badRequest, "\(bad)")
            }

            let read = try await client.execute(
                uri: "/api/v1/traces/0af7651916cd43dd8448eb211c80319c", method: .get, headers: AccessControlTests.with(secret)
            )
            #expect(read.status == .notFound)  // nothing stored, so nothing read, so nothing audited
            #expect(try await client.execute(uri: "/api/v1/scores", method: .get, headers: AccessControlTests.with(secret)).status == .ok)
            #expect(try await client.execute(uri: "/api/v1/keys/\(id)", method: .delete, headers: asAdmin).status == .noContent)
            #expect(try await client.execute(uri: "/api/v1/keys/\(id)", method: .delete, headers: asAdmin).status == .notFound)

            let entries = try await store.auditEntries(AuditQuery())
            #expect(entries.map(\.record.action) == ["key.created", "key.created", "content.read", "key.revoked"])
            #expect(entries[1].record.actor == admin.key.id && entries[1].record.target == id)
            #expect(entries[2].record.actor == id && entries[2].record.target == "scores" && entries[2].record.client == "127.0.0.1")

            let verified = try await LiveServer.json(client, "/api/v1/audit/verify")
            #expect(verified.0 == .unauthorized)
            let check = try await client.execute(uri: "/api/v1/audit/verify", method: .get, headers: asAdmin)
            let verification = try JSONSerialization.jsonObject(with: Data(check.body.readableBytesView)) as? [String: Any] ?? [:]
            #expect(verification["intact"] as? Bool == true && verification["checked"] as? Int == 4)
            let head = try #require(verification["head"] as? String)
            let anchored = try await client.execute(uri: "/api/v1/audit/verify?anchor=\(head)", method: .get, headers: asAdmin)
            #expect(String(buffer: anchored.body).contains(#""intact":true"#))
            #expect(try await client.execute(uri: "/api/v1/audit/verify?anchor=nope", method: .get, headers: asAdmin).status == .badRequest)

            let export = try await client.execute(uri: "/api/v1/audit/export", method: .get, headers: asAdmin)
            #expect(export.headers[.contentType] == "application/x-ndjson")
            let lines = String(buffer: export.body).split(separator: "\n")
            #expect(lines.count == 5)
            #expect(lines.last?.contains(#""action":"audit.exported""#) == true)
            #expect(lines.first?.contains(#""previous_hash":"\#(AuditChain.genesis)""#) == true)
        }
    }
}
