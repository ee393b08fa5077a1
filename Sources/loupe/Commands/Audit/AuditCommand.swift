import ArgumentParser

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check, anchor and export the audit trail of administrative actions and content reads.",
        discussion: """
            Every entry carries the SHA-256 of the one before, so a changed, deleted, inserted or reordered
            entry breaks the chain where it happened. Keep the head that `loupe audit head` prints somewhere
            else (a ticket, a commit); `loupe audit verify --anchor` then also detects a rewrite of the whole chain.
            """,
        subcommands: [AuditVerify.self, AuditHead.self, AuditExport.self]
    )
}
