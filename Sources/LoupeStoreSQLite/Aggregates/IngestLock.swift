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
///
/// The sidecar is named after the database's real path (symlinks and relative paths resolved), so
/// every name of the file takes the same lock. The database file itself is never opened here: closing
/// a second descriptor of it would drop SQLite's own POSIX locks in this process. Hard links are not
/// covered, as SQLite itself would give each name a log of its own.
final class IngestLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock for `databasePath`, or throws when another instance holds it.
    init(databasePath: String) throws {
        let lockPath = Self.realPath(databasePath) + "-ingest.lock"
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

    /// The canonical path of an existing file; the path as given when it cannot be resolved.
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    deinit {
        close(descriptor)
    }
}
