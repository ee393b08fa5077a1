import Crypto
import Foundation

/// The webhook signature: HMAC-SHA256 over `<timestamp>.<body>` with the channel's secret, sent as
/// `X-Loupe-Signature: sha256=<hex>` beside `X-Loupe-Timestamp: <unix seconds>`. Signing the time
/// too lets a receiver refuse a replayed notification.
public enum AlertSignature {
    public static let signatureHeader = "X-Loupe-Signature"
    public static let timestampHeader = "X-Loupe-Timestamp"

    public static func sign(body: Data, secret: String, timestamp: Int64) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    /// Checks a signature in constant time.
    public static func verify(body: Data, secret: String, timestamp: Int64, signature: String) -> Bool {
        guard signature.hasPrefix("sha256="), let expected = Self.hex(String(signature.dropFirst(7))) else { return false }
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        return HMAC<SHA256>.isValidAuthenticationCode(expected, authenticating: message, using: SymmetricKey(data: Data(secret.utf8)))
    }

    private static func hex(_ text: String) -> Data? {
        guard text.count % 2 == 0 else { return nil }
        var data = Data()
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            data.append(byte)
            index = next
        }
        return data
    }
}
