/// How ``ErrorSpikeDetector`` decides that two errors are of the same kind.
public enum ErrorSpikeGrouping: String, Sendable, Hashable, CaseIterable {
    /// By the ``ErrorCategory`` the classifier gives the error's type and message: a rate limit is
    /// a rate limit whichever client library raised it.
    case category
    /// By `error.type` (else `exception.type`) exactly as recorded.
    case errorType = "error.type"
}
