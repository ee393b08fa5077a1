import Foundation
import LoupeAlerts
import Testing

/// Expected values from References/signature.py (Python's hmac module).
struct AlertSignatureTests {
    @Test(arguments: [
        ("s3cret", Int64(1_795_780_800), #"{"status":"firing"}"#, "sha256=a4956d6f8f9bb008b3bda5bdfac238b1d1cb340a1d26a09bd3ffc9f2618be4ef"),
        ("a longer secret with spaces", Int64(1_700_000_000), "caf\u{E9} \u{2615}", "sha256=d3c2f6e87ad4e13322e748a9eb116463aade5de5c9e1636c7e3e4ffac7644c02"),
    ])
    func signaturesMatchPythonsHMAC(secret: String, timestamp: Int64, body: String, expected: String) {
        let data = Data(body.utf8)
        #expect(AlertSignature.sign(body: data, secret: secret, timestamp: timestamp) == expected)
        #expect(AlertSignature.verify(body: data, secret: secret, timestamp: timestamp, signature: expected))
        #expect(!AlertSignature.verify(body: data, secret: secret, timestamp: timestamp + 1, signature: expected))
        #expect(!AlertSignature.verify(body: data + Data(" ".utf8), secret: secret, timestamp: timestamp, signature: expected))
        #expect(!AlertSignature.verify(body: data, secret: secret, timestamp: timestamp, signature: "sha256=zz"))
    }
}
