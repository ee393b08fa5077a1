import Foundation
import Hummingbird
import LoupeStore

/// One audit entry as the API and the JSON-lines export give it.
struct AuditEntryBody: Codable, ResponseEncodable {
    var sequence: Int64
    var at: String
    var atNanos: Int64
    var actor: String
    var action: String
    var target: String
    var client: String
    var detail: String
    var previousHash: String
    var hash: String

    init(_ entry: AuditEntry) {
        sequence = entry.sequence
        atNanos = entry.record.atNanos
        at = Timestamps.format(nanos: atNanos)
        actor = entry.record.actor
        action = entry.record.action
        target = entry.record.target
        client = entry.record.client
        detail = entry.record.detail
        previousHash = entry.previousHash
        hash = entry.hash
    }

    enum CodingKeys: String, CodingKey {
        case sequence, at, actor, action, target, client, detail, hash
        case atNanos = "at_ns"
        case previousHash = "previous_hash"
    }
}

struct AuditListBody: Codable, ResponseEncodable {
    var entries: [AuditEntryBody]
    /// Pass as `after` for the next page; nil when this was the last.
    var next: Int64?
}

/// `GET /api/v1/audit/verify`'s answer.
struct AuditVerificationBody: Codable, ResponseEncodable {
    var intact: Bool
    var checked: Int
    /// `SEQUENCE:HASH` of the last good entry, to keep as an anchor.
    var head: String?
    var brokenAt: Int64?
    var reason: String?

    init(_ verification: AuditVerification) {
        intact = verification.isIntact
        checked = verification.checked
        head = verification.head?.description
        brokenAt = verification.broken?.sequence
        reason = verification.broken?.reason
    }

    enum CodingKeys: String, CodingKey {
        case intact, checked, head, reason
        case brokenAt = "broken_at"
    }
}
