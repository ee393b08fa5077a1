import Foundation
import Hummingbird
import LoupeStore

/// A key as the API shows it: never its text or hash.
struct AccessKeyBody: Codable, ResponseEncodable {
    var id: String
    var name: String
    var scope: String
    /// Nil: every project.
    var project: String?
    var createdAt: String
    var revokedAt: String?

    init(_ key: AccessKey) {
        id = key.id
        name = key.name
        scope = key.scope.rawValue
        project = key.project
        createdAt = Timestamps.format(nanos: key.createdNanos)
        revokedAt = key.revokedNanos.map { Timestamps.format(nanos: $0) }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, scope, project
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
    }
}

/// `POST /api/v1/keys`'s answer: the key, and its text, shown this once.
struct CreatedKeyBody: Codable, ResponseEncodable {
    var key: AccessKeyBody
    var secret: String
}

struct AccessKeyListBody: Codable, ResponseEncodable {
    var keys: [AccessKeyBody]
}
