import LoupeStore
import Testing

extension TelemetryStoreConformance {
    @Test(arguments: Kind.allCases)
    func keysAreStoredByIdRevokedOnceAndNeverTakenTwice(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let hash = Array(repeating: UInt8(7), count: 32)
        let ingest = AccessKey(id: "lpk_0000000001", name: "checkout", scope: .ingest, project: "shop", secretHash: hash, createdNanos: 10)
        let admin = AccessKey(id: "lpk_0000000002", name: "ops", scope: .admin, project: nil, secretHash: hash, createdNanos: 20)
        func audit(_ action: String, _ id: String) -> AuditRecord { AuditRecord(atNanos: 1, actor: "test", action: action, target: id) }
        try await store.createAccessKey(admin, audit: audit("key.created", admin.id))
        try await store.createAccessKey(ingest, audit: audit("key.created", ingest.id))
        await #expect(throws: AccessKeyConflict.self) { try await store.createAccessKey(ingest, audit: audit("key.created", ingest.id)) }

        #expect(try await store.accessKeys() == [ingest, admin])
        #expect(try await store.accessKey(id: "lpk_0000000001") == ingest)
        #expect(try await store.accessKey(id: "lpk_nope") == nil)

        #expect(try await store.revokeAccessKey(id: ingest.id, atNanos: 30, audit: audit("key.revoked", ingest.id)))
        #expect(try await !store.revokeAccessKey(id: ingest.id, atNanos: 40, audit: audit("key.revoked", ingest.id)))
        #expect(try await !store.revokeAccessKey(id: "lpk_nope", atNanos: 40, audit: audit("key.revoked", "lpk_nope")))
        #expect(try await store.accessKey(id: ingest.id)?.revokedNanos == 30)
        #expect(try await store.accessKey(id: admin.id)?.isRevoked == false)
        // Each change wrote its audit entry with it; the refused ones wrote none.
        #expect(try await store.auditEntries(AuditQuery()).map { "\($0.record.action) \($0.record.target)" } == [
            "key.created \(admin.id)", "key.created \(ingest.id)", "key.revoked \(ingest.id)",
        ])
    }

    @Test(arguments: Kind.allCases)
    func theAuditTrailIsAChainReadInOrderAndPaged(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let first = try await store.appendAudit([
            AuditRecord(atNanos: 10, actor: "cli", action: "key.created", target: "lpk_0000000001"),
            AuditRecord(atNanos: 20, actor: "lpk_0000000001", action: "content.read", target: "trace 4bf9", client: "10.0.0.7"),
        ])
        let second = try await store.appendAudit([AuditRecord(atNanos: 30, actor: "cli", action: "key.revoked", target: "lpk_0000000001")])
        #expect(try await store.appendAudit([]).isEmpty)

        let all = first + second
        #expect(all.map(\.sequence) == [1, 2, 3])
        #expect(all[0].previousHash == AuditChain.genesis)
        #expect(all[1].previousHash == all[0].hash && all[2].previousHash == all[1].hash)
        #expect(try await store.auditEntries(AuditQuery()) == all)
        #expect(try await store.auditEntries(AuditQuery(afterSequence: 1, limit: 1)) == [all[1]])
        #expect(try await store.auditEntries(AuditQuery(fromNanos: 20, toNanos: 30)) == [all[1]])

        var verifier = AuditVerifier()
        for entry in try await store.auditEntries(AuditQuery()) { verifier.check(entry) }
        #expect(verifier.finish() == nil)
        #expect(verifier.head == AuditAnchor(sequence: 3, hash: all[2].hash))
    }
}
