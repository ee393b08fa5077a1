import Crypto
import Foundation
import LoupeCore

/// How the audit trail names an end user: a keyed hash of their id, never the id. The same user
/// always gets the same name, so an auditor can tell that two entries concern one person, but the
/// trail holds nothing personal, and erasing the user leaves it untouched.
public struct UserPseudonym: Sendable {
    /// The hash key's bytes: `SymmetricKey` itself is not `Sendable`.
    private let key: Data

    /// `secret`: the server's secret; the hash key is derived from it for this use only.
    public init(secret: Data) {
        key = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: secret), info: Data("loupe audit user names".utf8), outputByteCount: 32)
            .withUnsafeBytes { Data($0) }
    }

    /// `user 3fa94c0e1b2d7a65`.
    public func name(_ userId: String) -> String {
        "user " + HexID.encode(Array(HMAC<SHA256>.authenticationCode(for: Data(userId.utf8), using: SymmetricKey(data: key))).prefix(8))
    }
}
