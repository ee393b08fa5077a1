/// The result of checking the whole audit trail.
public struct AuditVerification: Sendable, Hashable, Codable {
    /// Entries read, up to and including the first that did not check out.
    public var checked: Int
    /// The last entry that checked out: export it as an anchor for the next check.
    public var head: AuditAnchor?
    /// Where the chain breaks; nil when it is intact.
    public var broken: AuditBreak?

    public var isIntact: Bool { broken == nil }
}

extension TelemetryStore {
    /// Reads the audit trail from its first entry, a page at a time, and checks every link
    /// (``AuditVerifier``), against `anchor` when given.
    public func verifyAuditTrail(anchor: AuditAnchor? = nil, pageSize: Int = 5_000) async throws -> AuditVerification {
        var verifier = AuditVerifier(anchor: anchor)
        try await forEachAuditPage(pageSize: pageSize) { page in
            for entry in page { verifier.check(entry) }
            return verifier.broken == nil
        }
        return AuditVerification(checked: verifier.checked, head: verifier.head, broken: verifier.finish())
    }
}
