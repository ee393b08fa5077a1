import Foundation
import Hummingbird
import LoupeStore

/// The retention policy in force and what it has deleted since the server started.
struct RetentionBody: ResponseEncodable, Sendable {
    var policy: RetentionPolicy
    var deleted: DeletedCounts
    var reclaimedBytes: Int64
    var passes: Int
    var lastPassAt: String?

    init(_ retention: Retention) {
        let tally = retention.tally
        policy = retention.policy
        deleted = tally.deleted
        reclaimedBytes = tally.reclaimedBytes
        passes = tally.passes
        lastPassAt = tally.lastPassNanos.map { Timestamps.format(nanos: $0) }
    }

    enum CodingKeys: String, CodingKey {
        case policy, deleted, passes
        case reclaimedBytes = "reclaimed_bytes"
        case lastPassAt = "last_pass_at"
    }
}
