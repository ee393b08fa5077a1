"""Reference webhook signatures for AlertSignatureTests, computed with Python's hmac module:
HMAC-SHA256 over "<timestamp>.<body>", hex-encoded, prefixed with "sha256=".
Run: python3 Tests/LoupeAlertsTests/References/signature.py"""
import hashlib
import hmac

CASES = [
    ("s3cret", 1795780800, b'{"status":"firing"}'),
    ("a longer secret with spaces", 1700000000, "caf\u00e9 \u2615".encode()),
]
for secret, timestamp, body in CASES:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    print(secret, timestamp, body, "sha256=" + digest)
