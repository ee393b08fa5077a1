/// Failures of the embedded store that a user can act on.
public enum SQLiteStoreError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case cannotLock(path: String, reason: String)
    case alreadyIngesting(path: String)
    case unsupportedQuery(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the Loupe database at \(path): \(reason). Check that the folder exists and is writable."
        case .cannotLock(let path, let reason):
            return "cannot create the ingest lock file \(path): \(reason). Check that the folder is writable."
        case .alreadyIngesting(let path):
            return "another Loupe process is already ingesting into \(path). Stop it, or give this one its own database with --db."
        case .unsupportedQuery(let reason):
            return "the SQLite store cannot answer this query: \(reason)"
        }
    }
}
