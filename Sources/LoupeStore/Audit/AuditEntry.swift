/// One entry of the audit trail: a record, its place in the chain, and the hashes that link it to
/// the entry before it (``AuditChain``).
public struct AuditEntry: Sendable, Hashable, Codable {
    /// 1 for the first entry, then one more for each.
    public var sequence: Int64
    public var record: AuditRecord
    /// The hash of the entry before, in hex; ``AuditChain/genesis`` for the first.
    public var previousHash: String
    /// SHA-256 over the sequence, the record and `previousHash`, in hex.
    public var hash: String

    public init(sequence: Int64, record: AuditRecord, previousHash: String, hash: String) {
        self.sequence = sequence
        self.record = record
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The entry that follows `previous` (nil: the first), hashed.
    public static func appending(_ record: AuditRecord, after previous: (sequence: Int64, hash: String)?) -> AuditEntry {
        let sequence = (previous?.sequence ?? 0) + 1
        let previousHash = previous?.hash ?? AuditChain.genesis
        return AuditEntry(
            sequence: sequence, record: record, previousHash: previousHash,
            hash: AuditChain.hash(sequence: sequence, record: record, previousHash: previousHash)
        )
    }
}
