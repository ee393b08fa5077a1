import Hummingbird
import LoupeStore

/// `DELETE /api/v1/users/{id}`'s answer: what went, and the name the audit trail gives the user.
struct ErasedUserBody: ResponseEncodable, Sendable {
    var user: String
    var deleted: DeletedCounts
}

/// Everything stored about one user: their traces span by span, content included, and their scores.
struct UserExportBody: Encodable, Sendable {
    var user: String
    var exportedAt: String
    /// True when the user has more traces than one export holds.
    var truncated: Bool
    var traces: [TraceDetailBody]
    var scores: [ScoreListBody.Item]

    enum CodingKeys: String, CodingKey {
        case user, truncated, traces, scores
        case exportedAt = "exported_at"
    }
}
