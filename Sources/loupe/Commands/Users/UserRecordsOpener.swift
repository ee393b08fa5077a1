import Foundation
import LoupeAnalytics
import LoupeServer

/// ``UserRecords`` over a database on this machine, with the server's secret beside it, so the
/// audit trail names a user as the server would.
enum UserRecordsOpener {
    static func open(_ db: String) throws -> UserRecords {
        let store = try StoreOpener.sqlite(db)
        let secret = try PromptHashSecret.load(path: PromptHashSecret.path(forDatabase: db))
        return UserRecords(
            store: store, analytics: TelemetryAnalytics(store: store), pseudonyms: UserPseudonym(secret: secret),
            now: LoupeApplication.wallClockNanos
        )
    }
}
