import Foundation
import GRPCCore
import LoupeStore

/// The API key check for gRPC calls: the `authorization: Bearer <key>` (or `x-loupe-api-key`)
/// metadata, an ingest or admin key, and the same failure limit per address as over HTTP.
struct GRPCAccess: Sendable {
    /// Nil when the server runs with `--no-auth`.
    let keys: AccessKeys?
    let limiter: AuthFailureLimiter
    let now: @Sendable () -> Int64

    /// What the call may write: its key's project (nil for any), or `x-loupe-project` when the key
    /// allows every project. Throws `unauthenticated` or `permissionDenied` otherwise.
    func project(for metadata: Metadata, peer: String) async throws(RPCError) -> String? {
        let named = metadata[stringValues: "x-loupe-project"].first { !$0.isEmpty }
        guard let keys else { return named }
        let at = now()
        guard let text = Self.key(in: metadata) else {
            throw RPCError(code: .unauthenticated, message: "this endpoint needs an API key: send it as 'authorization: Bearer <key>' metadata")
        }
        let grant: AccessGrant?
        do {
            grant = try await keys.grant(for: text)
        } catch {
            throw RPCError(code: .unavailable, message: "the API key could not be checked (\(error)); retry")
        }
        guard let grant else {
            let blocked = limiter.isBlocked(peer, nowNanos: at)
            limiter.recordFailure(peer, nowNanos: at)
            throw RPCError(
                code: .unauthenticated,
                message: blocked ? "too many failed keys from this address; wait a minute" : "the API key is not valid or was revoked")
        }
        guard grant.scope.allows(.ingest) else {
            throw RPCError(code: .permissionDenied, message: "a \(grant.scope.rawValue) key cannot send telemetry: use an ingest key")
        }
        return grant.project ?? named
    }

    private static func key(in metadata: Metadata) -> String? {
        for value in metadata[stringValues: "authorization"] {
            if let key = AccessKeyText.bearer(value) { return key }
        }
        return metadata[stringValues: "x-loupe-api-key"].first { !$0.isEmpty }?.trimmingCharacters(in: .whitespaces)
    }
}
