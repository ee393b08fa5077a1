import Foundation
import LoupeStore

/// API keys over the store: created, listed, revoked (each change written to the audit trail), and
/// checked on every request.
public struct AccessKeys: Sendable {
    let store: any TelemetryStore
    let now: @Sendable () -> Int64

    public init(store: any TelemetryStore, now: @escaping @Sendable () -> Int64) {
        self.store = store
        self.now = now
    }

    /// Creates a key and returns it with its text, which exists nowhere else afterwards.
    ///
    /// An ingest key belongs to one project, and decides the project of everything sent with it.
    /// An admin key covers every project. A read key covers every project, or one: then it reads
    /// only the routes that filter by project, the dashboard's pages among them
    /// (``AccessPolicy/allowsOneProject(_:path:)``).
    public func create(
        name: String, scope: AccessScope, project: String?, actor: String, client: String = ""
    ) async throws -> (key: AccessKey, text: String) {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100, !name.contains(where: \.isNewline) else {
            throw AccessKeyError("a key needs a name of 1 to 100 characters on one line, to tell it apart")
        }
        let project = project.flatMap { $0.isEmpty ? nil : $0 }
        if let project, project.count > 200 || project.contains(where: { $0.isNewline || $0 == "\t" }) {
            throw AccessKeyError("a project's name is one line of at most 200 characters")
        }
        switch (scope, project) {
        case (.ingest, nil):
            throw AccessKeyError("an ingest key belongs to one project: give the project its spans are stored in")
        case (.admin, .some):
            throw AccessKeyError("an admin key covers every project: create it without a project")
        default: break
        }
        // Ids are 40 random bits: a collision is rare but not impossible, and a new id settles it.
        for attempt in 1...3 {
            let (text, id) = AccessKeyText.generate()
            let key = AccessKey(
                id: id, name: name, scope: scope, project: project, secretHash: AccessKeyText.hash(text), createdNanos: now()
            )
            let audit = AuditRecord(
                atNanos: key.createdNanos, actor: actor, action: "key.created", target: id, client: client,
                detail: "scope \(scope.rawValue), project \(project ?? "all"), name \(name)"
            )
            do {
                try await store.createAccessKey(key, audit: audit)
                return (key, text)
            } catch is AccessKeyConflict where attempt < 3 {
                continue
            }
        }
        preconditionFailure("unreachable: the last attempt returns or throws")
    }

    /// Revokes a key; false when there is no such key or it was revoked already.
    public func revoke(id: String, actor: String, client: String = "") async throws -> Bool {
        let at = now()
        return try await store.revokeAccessKey(
            id: id, atNanos: at, audit: AuditRecord(atNanos: at, actor: actor, action: "key.revoked", target: id, client: client)
        )
    }

    public func list() async throws -> [AccessKey] {
        try await store.accessKeys()
    }

    /// Whether any key was ever created: a server without one creates its first admin key.
    public func isEmpty() async throws -> Bool {
        try await store.accessKeys().isEmpty
    }

    /// The rights of the key `text`, or nil when it is not a key, not known, or revoked.
    public func grant(for text: String) async throws -> AccessGrant? {
        guard let id = AccessKeyText.id(of: text), let key = try await store.accessKey(id: id), !key.isRevoked,
            AccessKeyText.matches(text, stored: key.secretHash)
        else { return nil }
        return AccessGrant(key)
    }

    /// The rights of the key with this id, for a dashboard session that names it; nil once revoked.
    func grant(forId id: String) async throws -> AccessGrant? {
        guard let key = try await store.accessKey(id: id), !key.isRevoked else { return nil }
        return AccessGrant(key)
    }
}
