import Crypto
import Foundation
import LoupeCore

/// The dashboard's login sessions, kept in the browser rather than on the server: a cookie naming
/// the key that logged in and when the session ends, signed with the server's secret. Any server
/// sharing the secret accepts it, and revoking the key ends every session it opened (the key is
/// looked up on each request).
public struct DashboardSessions: Sendable {
    public static let cookieName = "loupe_session"
    /// Twelve hours: a working day, after which the key is asked for again.
    public static let lifetimeSeconds: Int64 = 12 * 3_600

    /// The signing key's bytes: `SymmetricKey` itself is not `Sendable`.
    private let secret: Data

    /// `secret`: the server's secret; sessions are signed with a key derived from it for this use only.
    public init(secret: Data) {
        self.secret = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: secret), info: Data("loupe dashboard sessions".utf8), outputByteCount: 32
        ).withUnsafeBytes { Data($0) }
    }

    /// A session for a key, ending `lifetimeSeconds` after `nowNanos`.
    public func issue(keyId: String, nowNanos: Int64) -> String {
        let payload = "\(keyId).\(nowNanos / 1_000_000_000 + Self.lifetimeSeconds)"
        return payload + "." + HexID.encode(Array(HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: SymmetricKey(data: secret))))
    }

    /// The key id of a session that is genuine and not expired; nil otherwise.
    public func keyId(of cookie: String, nowNanos: Int64) -> String? {
        let parts = cookie.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let expires = Int64(parts[1]), let mac = HexID.decode(String(parts[2])) else { return nil }
        let payload = Data("\(parts[0]).\(parts[1])".utf8)
        // Compared in constant time by swift-crypto.
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: payload, using: SymmetricKey(data: secret)) else { return nil }
        return nowNanos / 1_000_000_000 < expires ? String(parts[0]) : nil
    }

    /// The `Set-Cookie` value that starts a session: HttpOnly (no script reads it), SameSite=Strict
    /// (no other site's page sends it), and Secure when the server speaks TLS.
    public static func setCookie(_ value: String, secure: Bool) -> String {
        "\(cookieName)=\(value); Path=/; Max-Age=\(lifetimeSeconds); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that ends a session.
    public static func clearCookie(secure: Bool) -> String {
        "\(cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The session cookie's value in a `Cookie` header, if any.
    static func cookie(in header: String?) -> String? {
        guard let header else { return nil }
        for pair in header.split(separator: ";") {
            let trimmed = pair.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(cookieName + "=") { return String(trimmed.dropFirst(cookieName.count + 1)) }
        }
        return nil
    }
}
