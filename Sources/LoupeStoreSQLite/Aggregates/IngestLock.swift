#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock held by the one store instance that ingests into a database file.
///
/// The ingesting instance keeps recent aggregates in memory (``PendingAggregates``) and, when it
/// starts, folds in what a previous ingesting process left unfolded. A second ingesting process would
/// fold in the first one's pending spans too and count them twice, so it is refused with a clear
/// error instead. Readers (`loupe report`, the API of another process) never take the lock.
/// GRDB and SQLite have no lock that outlives a transaction, hence `flock(2)` on a sidecar file.
final class IngestLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock for `databasePath`, or throws when another instance holds it.
    init(databasePath: String) throws {
        let lockPath = databasePath + "-ingest.lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SQLiteStoreError.cannotLock(path: lockPath, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw SQLiteStoreError.alreadyIngesting(path: databasePath)
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
