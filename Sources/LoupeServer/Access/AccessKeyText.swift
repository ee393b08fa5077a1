import Crypto
import Foundation
import LoupeCore

/// The text of an API key: `lpk_` and ten hex digits (the id, shown in lists and logs), then `_`
/// and 256 random bits in base64url. Only the SHA-256 of the whole text is stored; the id finds
/// the key, the hash proves it.
public enum AccessKeyText {
    static let prefix = "lpk_"

    /// A new key's text, shown once, and its id.
    public static func generate() -> (text: String, id: String) {
        // SystemRandomNumberGenerator reads the kernel's CSPRNG (getrandom on Linux).
        var random = SystemRandomNumberGenerator()
        let idBytes = (0..<5).map { _ in UInt8.random(in: .min ... .max, using: &random) }
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let id = prefix + HexID.encode(idBytes)
        let encoded = secret.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return (id + "_" + encoded, id)
    }

    /// The key of an `authorization` value in the Bearer scheme; nil for another scheme (a proxy's
    /// Basic, say), which is not Loupe's to judge. HTTP headers and gRPC metadata both carry it.
    public static func bearer(_ authorization: String) -> String? {
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// The id a key text claims, or nil when the text is not shaped like a key at all.
    public static func id(of text: String) -> String? {
        let utf8 = Array(text.utf8)
        let idLength = prefix.utf8.count + 10
        guard utf8.count == idLength + 1 + 43, text.hasPrefix(prefix), utf8[idLength] == UInt8(ascii: "_") else { return nil }
        let id = String(decoding: utf8[..<idLength], as: UTF8.self)
        guard HexID.decode(String(id.dropFirst(prefix.count))) != nil else { return nil }
        return id
    }

    /// SHA-256 of the key text.
    public static func hash(_ text: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(text.utf8)))
    }

    /// Whether `text` hashes to `stored`, compared in constant time (every byte, whatever differs).
    /// swift-crypto compares two of its digests that way but offers no comparison with stored bytes,
    /// so the loop is here.
    static func matches(_ text: String, stored: [UInt8]) -> Bool {
        let digest = SHA256.hash(data: Array(text.utf8))
        return digest.withUnsafeBytes { given in
            guard given.count == stored.count else { return false }
            var difference: UInt8 = 0
            for index in 0..<stored.count { difference |= given[index] ^ stored[index] }
            return difference == 0
        }
    }
}
