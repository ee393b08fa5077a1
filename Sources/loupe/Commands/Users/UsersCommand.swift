import ArgumentParser

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Erase one end user, or export everything stored about them (GDPR articles 17 and 20).",
        discussion: """
            Works on the database on this machine, as `cli`; a running server does the same through
            DELETE /api/v1/users/{id} and GET /api/v1/users/{id}/export with an admin key. Both are
            written to the audit trail under a keyed hash of the user's id, never the id itself.
            """,
        subcommands: [UsersErase.self, UsersExport.self]
    )
}
