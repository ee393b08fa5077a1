/// Something the audit trail records: an administrative action, or a read of stored content.
///
/// It names who and what, never personal data: an erased user appears by a keyed hash of their
/// id, not by the id itself, so erasing them does not mean rewriting the trail.
public struct AuditRecord: Sendable, Hashable, Codable {
    public var atNanos: Int64
    /// The key that acted (its visible id), `cli` for the command line on the server's machine, or
    /// `loupe` for the server itself.
    public var actor: String
    /// What was done, as `noun.verb`: `key.created`, `key.revoked`, `budget.changed`,
    /// `content.read`, `audit.exported`, `user.erased`…
    public var action: String
    /// What it was done to: a key id, a budget's name, a trace id, a route.
    public var target: String
    /// Where the request came from (the client's address), empty when not over HTTP.
    public var client: String
    /// Anything else worth keeping, as one line.
    public var detail: String

    public init(atNanos: Int64, actor: String, action: String, target: String, client: String = "", detail: String = "") {
        self.atNanos = atNanos
        self.actor = actor
        self.action = action
        self.target = target
        self.client = client
        self.detail = detail
    }
}
