import Crypto
import LoupeCore

/// The audit trail's hash chain: each entry's SHA-256 covers its sequence, its record and the hash
/// of the entry before, so changing, deleting, inserting or reordering any entry breaks every link
/// after it. Rewriting the whole chain from some entry on is caught by an ``AuditAnchor`` kept
/// elsewhere.
public enum AuditChain {
    /// The `previousHash` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// The entry's hash, in lowercase hex. Each field is length-prefixed, so no two different entries
    /// serialise to the same bytes (`ab` + `c` and `a` + `bc` differ).
    public static func hash(sequence: Int64, record: AuditRecord, previousHash: String) -> String {
        var hasher = SHA256()
        for field in [
            String(sequence), String(record.atNanos), record.actor, record.action, record.target, record.client, record.detail,
            previousHash,
        ] {
            let bytes = Array(field.utf8)
            hasher.update(data: Array("\(bytes.count):".utf8))
            hasher.update(data: bytes)
        }
        return HexID.encode(Array(hasher.finalize()))
    }
}

/// A chain position to check later: the head's sequence and hash, exported and kept outside the
/// database (a ticket, a commit, a printout), so that rewriting the whole chain is detected too.
public struct AuditAnchor: Sendable, Hashable, Codable, CustomStringConvertible {
    public var sequence: Int64
    public var hash: String

    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }

    /// `SEQUENCE:HASH`, as `loupe audit head` prints it.
    public var description: String { "\(sequence):\(hash)" }

    /// Parses ``description``; nil when it is not a sequence and 64 hex digits.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let sequence = Int64(parts[0]), sequence > 0, parts[1].count == 64,
            parts[1].allSatisfy({ $0.isASCII && $0.isHexDigit })
        else { return nil }
        self.init(sequence: sequence, hash: parts[1].lowercased())
    }
}

/// Where a chain stops being what was written, and why.
public struct AuditBreak: Sendable, Hashable, Codable {
    /// The first entry that does not check out.
    public var sequence: Int64
    public var reason: String

    public init(sequence: Int64, reason: String) {
        self.sequence = sequence
        self.reason = reason
    }
}

/// Checks a chain entry by entry, in the order the store returns it, so a long trail is read a page at a time.
public struct AuditVerifier: Sendable {
    public private(set) var checked = 0
    public private(set) var head: AuditAnchor?
    public private(set) var broken: AuditBreak?
    private let anchor: AuditAnchor?
    private var anchorSeen = false

    /// `anchor`: a head exported earlier, which the chain must still contain.
    public init(anchor: AuditAnchor? = nil) {
        self.anchor = anchor
    }

    /// Checks the next entry; after the first break, the rest are not looked at.
    public mutating func check(_ entry: AuditEntry) {
        guard broken == nil else { return }
        checked += 1
        let expected = (head?.sequence ?? 0) + 1
        let previous = head?.hash ?? AuditChain.genesis
        if entry.sequence > expected {
            let missing = expected == entry.sequence - 1 ? "entry \(expected) is" : "entries \(expected) to \(entry.sequence - 1) are"
            broken = AuditBreak(sequence: expected, reason: "\(missing) missing: deleted from the trail")
        } else if entry.sequence < expected {
            broken = AuditBreak(sequence: entry.sequence, reason: "entry \(entry.sequence) appears out of order after entry \(expected - 1): inserted or moved")
        } else if AuditChain.hash(sequence: entry.sequence, record: entry.record, previousHash: entry.previousHash) != entry.hash {
            broken = AuditBreak(sequence: entry.sequence, reason: "entry \(entry.sequence) was changed: its contents no longer match its hash")
        } else if entry.previousHash != previous {
            broken = AuditBreak(
                sequence: entry.sequence,
                reason: "entry \(entry.sequence) does not link to the entry before it: an earlier entry was changed, inserted or replaced"
            )
        } else if let anchor, anchor.sequence == entry.sequence, anchor.hash != entry.hash {
            broken = AuditBreak(
                sequence: entry.sequence, reason: "entry \(entry.sequence) is not the one anchored: the chain was rewritten from here or before"
            )
        }
        guard broken == nil else { return }
        if anchor?.sequence == entry.sequence { anchorSeen = true }
        head = AuditAnchor(sequence: entry.sequence, hash: entry.hash)
    }

    /// The break found, or, once every entry is checked, a missing anchored entry (the trail was cut short).
    public func finish() -> AuditBreak? {
        if let broken { return broken }
        if let anchor, !anchorSeen {
            let end = head.map { "ends at entry \($0.sequence)" } ?? "is empty"
            return AuditBreak(sequence: anchor.sequence, reason: "the trail \(end), before the anchored entry \(anchor.sequence): entries were deleted")
        }
        return nil
    }
}
