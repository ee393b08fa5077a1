/// Why accepted-looking spans could not be stored; every case is the server's condition, never the client's mistake.
public enum IngestError: Error, Sendable, Equatable {
    /// The queue holds as many spans as it may; the client should retry later.
    case queueFull
    /// The server is stopping and takes no more work.
    case shuttingDown
    /// The store failed to commit the batch; nothing of it was stored.
    case storeFailed(String)
}
