/// Failures of the embedded store that a user can act on.
public enum SQLiteStoreError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the Loupe database at \(path): \(reason). Check that the folder exists and is writable."
        }
    }
}
