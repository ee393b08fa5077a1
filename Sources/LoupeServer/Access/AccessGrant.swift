import LoupeStore

/// What the caller of a request may do: the rights of the key it presented.
public struct AccessGrant: Sendable, Hashable {
    /// The key's visible id, as the audit trail names the actor.
    public var keyId: String
    public var scope: AccessScope
    /// The only project the caller may write to or read; nil for every project.
    public var project: String?

    public init(keyId: String, scope: AccessScope, project: String?) {
        self.keyId = keyId
        self.scope = scope
        self.project = project
    }

    init(_ key: AccessKey) {
        self.init(keyId: key.id, scope: key.scope, project: key.project)
    }

    /// Every right, for a server started with `--no-auth`; the audit trail names it `anonymous`.
    public static let unauthenticated = AccessGrant(keyId: "anonymous", scope: .admin, project: nil)
}
