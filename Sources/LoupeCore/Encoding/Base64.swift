import Foundation

/// Base64 for byte attributes; a thin wrapper so callers need not build `Data`.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
