/// An API key as the store keeps it: never the key itself, only its SHA-256, beside the visible
/// id people tell keys apart by.
public struct AccessKey: Sendable, Hashable {
    /// The key's visible prefix (`lpk_3f9a1c2e7b`), which every key text starts with.
    public var id: String
    /// What its owner called it (`checkout-service`).
    public var name: String
    public var scope: AccessScope
    /// The one project the key writes to (ingest) or reads (read); nil for every project.
    public var project: String?
    /// SHA-256 of the whole key text.
    public var secretHash: [UInt8]
    public var createdNanos: Int64
    /// When it was revoked; a revoked key is refused everywhere.
    public var revokedNanos: Int64?

    public init(
        id: String, name: String, scope: AccessScope, project: String?, secretHash: [UInt8], createdNanos: Int64,
        revokedNanos: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.scope = scope
        self.project = project
        self.secretHash = secretHash
        self.createdNanos = createdNanos
        self.revokedNanos = revokedNanos
    }

    public var isRevoked: Bool { revokedNanos != nil }
}
