import LoupeStore
import Testing

struct AuditVerifierTests {
    /// Five entries chained as a store appends them.
    static func chain() -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for (index, action) in ["key.created", "content.read", "budget.changed", "key.revoked", "audit.exported"].enumerated() {
            let record = AuditRecord(atNanos: Int64(index) * 10, actor: "lpk_0000000001", action: action, target: "t\(index)", client: "127.0.0.1")
            entries.append(AuditEntry.appending(record, after: entries.last.map { ($0.sequence, $0.hash) }))
        }
        return entries
    }

    static func verify(_ entries: [AuditEntry], anchor: AuditAnchor? = nil) -> AuditBreak? {
        var verifier = AuditVerifier(anchor: anchor)
        for entry in entries { verifier.check(entry) }
        return verifier.finish()
    }

    @Test func anIntactChainVerifiesAndEndsAtItsHead() {
        let entries = Self.chain()
        #expect(Self.verify(entries) == nil)
        #expect(Self.verify([]) == nil)
        #expect(Self.verify(entries, anchor: AuditAnchor(sequence: 3, hash: entries[2].hash)) == nil)
    }

    @Test func aChangedEntryBreaksTheChainThere() {
        var entries = Self.chain()
        entries[2].record.target = "someone else"
        #expect(Self.verify(entries)?.sequence == 3)
        #expect(Self.verify(entries)?.reason.contains("was changed") == true)
    }

    @Test func aChangedEntryWithItsHashRecomputedBreaksTheLinkAfterIt() {
        var entries = Self.chain()
        entries[1].record.actor = "cli"
        entries[1].hash = AuditChain.hash(sequence: 2, record: entries[1].record, previousHash: entries[1].previousHash)
        #expect(Self.verify(entries)?.sequence == 3)
        #expect(Self.verify(entries)?.reason.contains("does not link") == true)
    }

    @Test func aDeletedEntryIsNamed() {
        var entries = Self.chain()
        entries.remove(at: 1)
        #expect(Self.verify(entries) == AuditBreak(sequence: 2, reason: "entry 2 is missing: deleted from the trail"))
    }

    @Test func reorderedEntriesAreCaught() {
        var entries = Self.chain()
        entries.swapAt(1, 2)
        #expect(Self.verify(entries)?.sequence == 2)
    }

    @Test func anInsertedEntryIsCaughtEvenWithAFreshHash() {
        var entries = Self.chain()
        let forged = AuditRecord(atNanos: 15, actor: "cli", action: "key.created", target: "lpk_forged")
        // Renumbered and rehashed from the insertion on: the chain is internally consistent again…
        var rewritten = Array(entries.prefix(1))
        for record in [forged] + entries.dropFirst().map(\.record) {
            rewritten.append(AuditEntry.appending(record, after: rewritten.last.map { ($0.sequence, $0.hash) }))
        }
        #expect(Self.verify(rewritten) == nil)
        // …and only an anchor kept elsewhere tells.
        let anchor = AuditAnchor(sequence: 5, hash: entries[4].hash)
        #expect(Self.verify(rewritten, anchor: anchor)?.reason.contains("not the one anchored") == true)
        entries.insert(AuditEntry.appending(forged, after: (1, entries[0].hash)), at: 1)
        #expect(Self.verify(entries)?.sequence == 2)
    }

    @Test func aTrailCutShortIsCaughtByTheAnchor() {
        let entries = Self.chain()
        let anchor = AuditAnchor(sequence: 5, hash: entries[4].hash)
        #expect(Self.verify(Array(entries.prefix(3))) == nil)
        #expect(Self.verify(Array(entries.prefix(3)), anchor: anchor)?.reason.contains("ends at entry 3") == true)
    }

    @Test func anchorsReadBackWhatTheyPrint() {
        let anchor = AuditAnchor(sequence: 42, hash: String(repeating: "ab", count: 32))
        #expect(AuditAnchor(anchor.description) == anchor)
        #expect(AuditAnchor("42:xyz") == nil)
        #expect(AuditAnchor("0:" + String(repeating: "a", count: 64)) == nil)
        #expect(AuditAnchor("nothing") == nil)
    }
}
